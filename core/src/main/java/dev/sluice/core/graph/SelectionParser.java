package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.SelectionSpec.Criterion;
import dev.sluice.core.graph.SelectionSpec.Difference;
import dev.sluice.core.graph.SelectionSpec.Intersection;
import dev.sluice.core.graph.SelectionSpec.Union;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses command-line selection syntax: space (or repeated flags) is union, comma is intersection, and each atom is
 * {@code [@][N+][method[.arg...]:]value[+N]}. Knows nothing of the manifest; unknown methods are reported when the
 * spec is evaluated.
 */
public final class SelectionParser {
    private static final Pattern PARENTS = Pattern.compile("^(\\d*)\\+");
    private static final Pattern CHILDREN = Pattern.compile("\\+(\\d*)$");
    private static final Pattern METHOD = Pattern.compile("^([A-Za-z_][\\w.]*):");

    /** What no {@code --select} means: every node, source and exposure. */
    public static SelectionSpec everything() {
        return new Union("*", List.of(Criterion.of("fqn", "*"), Criterion.of("source", "*"),
                Criterion.of("exposure", "*")));
    }

    /**
     * The spec for {@code --select} and {@code --exclude} values. Null or empty {@code select} means
     * {@link #everything()}; exclusions subtract from it.
     */
    public SelectionSpec parse(List<String> select, List<String> exclude) {
        SelectionSpec include = isEmpty(select) ? everything() : parseUnion(select);
        if (isEmpty(exclude)) {
            return include;
        }
        SelectionSpec excluded = parseUnion(exclude);
        return new Difference(include.raw() + " --exclude " + excluded.raw(), include, excluded);
    }

    /** The union of all space-separated terms of all the given values. */
    public SelectionSpec parseUnion(List<String> values) {
        List<SelectionSpec> terms = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String term : value.trim().split("\\s+")) {
                if (!term.isEmpty()) {
                    terms.add(parseIntersection(term));
                }
            }
        }
        if (terms.isEmpty()) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Empty selection: " + values);
        }
        return terms.size() == 1 ? terms.get(0) : new Union(String.join(" ", values), terms);
    }

    /** One term without spaces: criteria joined by commas. */
    public SelectionSpec parseIntersection(String term) {
        List<SelectionSpec> parts = new ArrayList<>();
        for (String atom : term.split(",")) {
            if (!atom.isEmpty()) {
                parts.add(parseCriterion(atom));
            }
        }
        if (parts.isEmpty()) {
            throw invalid(term, "it names nothing");
        }
        return parts.size() == 1 ? parts.get(0) : new Intersection(term, parts);
    }

    /** One atom such as {@code 2+tag:nightly+1}, {@code @orders} or {@code config.materialized:table}. */
    public Criterion parseCriterion(String atom) {
        String rest = atom;
        boolean childrensParents = rest.startsWith("@");
        if (childrensParents) {
            rest = rest.substring(1);
        }
        boolean parents = false;
        int parentsDepth = Dag.UNLIMITED;
        Matcher up = PARENTS.matcher(rest);
        if (up.find()) {
            parents = true;
            parentsDepth = depth(up.group(1));
            rest = rest.substring(up.end());
        }
        boolean children = false;
        int childrenDepth = Dag.UNLIMITED;
        Matcher down = CHILDREN.matcher(rest);
        if (down.find()) {
            children = true;
            childrenDepth = depth(down.group(1));
            rest = rest.substring(0, down.start());
        }
        if (childrensParents && parents) {
            throw invalid(atom, "the '@' and '+' prefixes cannot be combined");
        }
        String method;
        List<String> arguments;
        Matcher named = METHOD.matcher(rest);
        if (named.find()) {
            List<String> pieces = Arrays.asList(named.group(1).split("\\."));
            method = pieces.get(0).toLowerCase(Locale.ROOT);
            arguments = pieces.subList(1, pieces.size());
            rest = rest.substring(named.end());
        } else {
            method = defaultMethod(rest);
            arguments = List.of();
        }
        if (rest.isEmpty()) {
            throw invalid(atom, "it has no value to match");
        }
        return new Criterion(atom, method, arguments, rest, parents, parentsDepth, children, childrenDepth,
                childrensParents, null);
    }

    /** dbt's rule for a value without a method: a path if it has a separator, a file name if it has an extension. */
    static String defaultMethod(String value) {
        if (value.contains("/") || value.contains("\\")) {
            return "path";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return "file";
        }
        return "fqn";
    }

    private static int depth(String digits) {
        // Beyond nine digits the depth exceeds any real graph, so it means "all".
        return digits.isEmpty() || digits.length() > 9 ? Dag.UNLIMITED : Integer.parseInt(digits);
    }

    private static boolean isEmpty(List<String> values) {
        return values == null || values.stream().allMatch(v -> v == null || v.isBlank());
    }

    private static SluiceException invalid(String atom, String why) {
        return new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid selector '" + atom + "': " + why);
    }
}
