package dev.sluice.core.unittest;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.manifest.parse.TestArgumentRefs;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code given} input or a relation the tested model reads: {@code ref('x')} (optionally with a package),
 * {@code source('a', 'b')} or {@code this}. Knows the CTE name its fixture rows take in the unit test's query.
 */
public record InputRef(Kind kind, String packageName, String name, String sourceName) {

    public enum Kind { REF, SOURCE, THIS }

    public static final InputRef THIS = new InputRef(Kind.THIS, null, "this", null);

    public static InputRef ref(String packageName, String name) {
        return new InputRef(Kind.REF, packageName, name, null);
    }

    public static InputRef source(String sourceName, String tableName) {
        return new InputRef(Kind.SOURCE, null, tableName, sourceName);
    }

    /** Reads {@code ref('x')}, {@code ref('pkg', 'x')}, {@code source('a', 'b')} or {@code this}; null otherwise. */
    public static InputRef parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("this")) {
            return THIS;
        }
        List<List<String>> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        TestArgumentRefs.collect(trimmed, refs, sources);
        if (refs.size() == 1 && sources.isEmpty() && trimmed.startsWith("ref")) {
            List<String> call = refs.get(0);
            return ref(call.size() > 1 ? call.get(0) : null, call.get(call.size() - 1));
        }
        if (sources.size() == 1 && refs.isEmpty() && trimmed.startsWith("source")) {
            return source(sources.get(0).get(0), sources.get(0).get(1));
        }
        return null;
    }

    /** The same input, whatever package prefix a ref was written with (refs match by name, as the model reads them). */
    public String key() {
        return switch (kind) {
            case REF -> "ref:" + name;
            case SOURCE -> "source:" + sourceName + "." + name;
            case THIS -> "this";
        };
    }

    /** The CTE that stands for this input in the unit test's query. */
    public String cteName() {
        return switch (kind) {
            case REF -> Relations.CTE_PREFIX + name;
            case SOURCE -> Relations.CTE_PREFIX + sourceName + "__" + name;
            case THIS -> Relations.CTE_PREFIX + "this";
        };
    }

    /** As a user writes it: {@code ref('x')}, {@code source('a', 'b')}, {@code this}. */
    public String describe() {
        return switch (kind) {
            case REF -> packageName == null ? "ref('" + name + "')" : "ref('" + packageName + "', '" + name + "')";
            case SOURCE -> "source('" + sourceName + "', '" + name + "')";
            case THIS -> "this";
        };
    }
}
