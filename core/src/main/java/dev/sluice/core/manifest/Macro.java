package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.List;

/** A {@code {% macro %}} (or a generic test's {@code {% test %}}, stored as macro {@code test_<name>}). */
public record Macro(String uniqueId, String packageName, String name, String path, String originalFilePath,
                    String macroSql, List<String> arguments, int line) {

    public static String uniqueId(String packageName, String name) {
        return "macro." + packageName + "." + name;
    }

    public static List<String> args(String signature) {
        List<String> out = new ArrayList<>();
        for (String part : signature.split(",")) {
            String name = part.split("=")[0].trim();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }
}
