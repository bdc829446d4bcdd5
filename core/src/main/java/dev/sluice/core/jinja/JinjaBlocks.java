package dev.sluice.core.jinja;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's block tags that Jinjava does not know. A {@code {% test name(args) %}} block is the macro {@code test_name};
 * docs blocks (parsed separately) and materialization blocks are blanked out, keeping line numbers intact.
 */
public final class JinjaBlocks {
    private static final Pattern TEST_START = Pattern.compile("\\{%(-?)\\s*test\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern TEST_END = Pattern.compile("\\{%(-?)\\s*endtest\\s*(-?)%}");
    private static final Pattern SKIPPED_BLOCK = Pattern.compile(
            "\\{%-?\\s*(docs|materialization)\\b.*?\\{%-?\\s*end(docs|materialization)\\s*-?%}", Pattern.DOTALL);

    private JinjaBlocks() {
    }

    public static String macroFileToJinja(String text) {
        String out = blankOut(text, SKIPPED_BLOCK);
        out = TEST_START.matcher(out).replaceAll("{%$1 macro test_$2(");
        out = TEST_END.matcher(out).replaceAll("{%$1 endmacro $2%}");
        return out;
    }

    static String blankOut(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String newlines = matcher.group().replaceAll("[^\n]", "");
            matcher.appendReplacement(out, newlines);
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
