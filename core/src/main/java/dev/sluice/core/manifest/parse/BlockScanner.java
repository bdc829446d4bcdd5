package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.Doc;
import dev.sluice.core.manifest.Macro;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds dbt's top-level blocks in a file's text: macros (and generic tests) for the manifest, and docs blocks. */
public final class BlockScanner {
    private static final Pattern MACRO = Pattern.compile(
            "\\{%-?\\s*(macro|test)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*?)\\)\\s*-?%}(.*?)\\{%-?\\s*end(macro|test)\\s*-?%}",
            Pattern.DOTALL);
    private static final Pattern DOCS = Pattern.compile(
            "\\{%-?\\s*docs\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}(.*?)\\{%-?\\s*enddocs\\s*-?%}", Pattern.DOTALL);

    private static final Pattern SNAPSHOT = Pattern.compile(
            "\\{%-?\\s*snapshot\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}(.*?)\\{%-?\\s*endsnapshot\\s*-?%}", Pattern.DOTALL);

    private BlockScanner() {
    }

    /** A {@code {% snapshot name %}} block: its name, its body and the line the body starts on. */
    public record SnapshotBlock(String name, String body, int line) {
    }

    public static List<SnapshotBlock> snapshots(String text) {
        List<SnapshotBlock> out = new ArrayList<>();
        Matcher m = SNAPSHOT.matcher(text);
        while (m.find()) {
            out.add(new SnapshotBlock(m.group(1), m.group(2), lineOf(text, m.start(2))));
        }
        return out;
    }

    public static List<Macro> macros(String packageName, ProjectFile file, String text) {
        List<Macro> out = new ArrayList<>();
        Matcher m = MACRO.matcher(text);
        Lines lines = new Lines(text);
        while (m.find()) {
            String name = m.group(1).equals("test") ? "test_" + m.group(2) : m.group(2);
            int line = lines.at(m.start());
            out.add(new Macro(Macro.uniqueId(packageName, name), packageName, name, file.pathInRoot(),
                    file.originalFilePath(), m.group(), Macro.args(m.group(3)), line));
        }
        return out;
    }

    public static List<Doc> docs(String packageName, ProjectFile file, String text) {
        List<Doc> out = new ArrayList<>();
        Matcher m = DOCS.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            out.add(new Doc("doc." + packageName + "." + name, packageName, name, file.pathInRoot(),
                    file.originalFilePath(), m.group(2).strip()));
        }
        return out;
    }

    /**
     * Line numbers of increasing offsets in one text, counting each newline once: counting from the start for every
     * macro made a file of a hundred macros (Sluice's own) cost as much as parsing it.
     */
    private static final class Lines {
        private final String text;
        private int offset;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int at(int target) {
            if (target < offset) { // never for matches found in order; counted afresh if it happens
                offset = 0;
                line = 1;
            }
            for (int end = Math.min(target, text.length()); offset < end; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
