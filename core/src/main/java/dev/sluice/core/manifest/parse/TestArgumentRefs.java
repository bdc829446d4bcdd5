package dev.sluice.core.manifest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code ref('x')} and {@code source('a', 'b')} written as plain text in YAML (test arguments such as
 * {@code to: ref('customers')}, exposure {@code depends_on}), so they become DAG edges at parse time.
 */
public final class TestArgumentRefs {
    private static final Pattern REF = Pattern.compile(
            "\\bref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?(?:,\\s*v(?:ersion)?\\s*=\\s*[^)]*)?\\)");
    private static final Pattern SOURCE = Pattern.compile(
            "\\bsource\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    private TestArgumentRefs() {
    }

    public static void collect(String text, List<List<String>> refs, List<List<String>> sources) {
        Matcher ref = REF.matcher(text);
        while (ref.find()) {
            List<String> call = new ArrayList<>();
            call.add(ref.group(1));
            if (ref.group(2) != null) {
                call.add(ref.group(2));
            }
            if (!refs.contains(call)) {
                refs.add(call);
            }
        }
        Matcher source = SOURCE.matcher(text);
        while (source.find()) {
            List<String> call = List.of(source.group(1), source.group(2));
            if (!sources.contains(call)) {
                sources.add(call);
            }
        }
    }

    /** True when the whole value is one ref/source call, which compile renders as an expression. */
    public static boolean isRelationExpression(String text) {
        String trimmed = text.strip();
        return (REF.matcher(trimmed).matches() || SOURCE.matcher(trimmed).matches());
    }
}
