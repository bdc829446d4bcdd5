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
            "\\bref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?(,\\s*v(?:ersion)?\\s*=\\s*[^)]*)?\\)");
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

    /**
     * The one unversioned ref/source call {@code text} consists of, as {@code ref} with the arguments
     * ({@code [name]} or {@code [package, name]}) or {@code source} with {@code [source_name, table_name]}; empty for
     * anything else, a versioned ref included.
     */
    public static java.util.Optional<Call> call(String text) {
        String trimmed = text.strip();
        Matcher ref = REF.matcher(trimmed);
        if (ref.matches()) {
            if (ref.group(3) != null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Call(true, ref.group(2) == null ? List.of(ref.group(1))
                    : List.of(ref.group(1), ref.group(2))));
        }
        Matcher source = SOURCE.matcher(trimmed);
        if (source.matches()) {
            return java.util.Optional.of(new Call(false, List.of(source.group(1), source.group(2))));
        }
        return java.util.Optional.empty();
    }

    /** A {@code ref(...)} ({@code ref} true) or {@code source(...)} call with its string arguments. */
    public record Call(boolean ref, List<String> arguments) {
    }

    /** True when the whole value is one ref/source call, which compile renders as an expression. */
    public static boolean isRelationExpression(String text) {
        String trimmed = text.strip();
        return (REF.matcher(trimmed).matches() || SOURCE.matcher(trimmed).matches());
    }
}
