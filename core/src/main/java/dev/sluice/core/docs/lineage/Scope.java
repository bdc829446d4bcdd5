package dev.sluice.core.docs.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The relations one SELECT reads (its FROM clause and joins), how it resolves a column name against them, and the
 * enclosing query's scope for correlated subqueries.
 */
final class Scope {
    /** A relation in the FROM clause under the name the query uses for it. */
    record Entry(String alias, List<String> nameParts, Rel rel) {
        boolean answersTo(List<String> qualifier) {
            String last = lower(qualifier.get(qualifier.size() - 1));
            if (qualifier.size() == 1) {
                return lower(alias).equals(last);
            }
            if (nameParts.size() < qualifier.size()) {
                return false;
            }
            List<String> tail = nameParts.subList(nameParts.size() - qualifier.size(), nameParts.size());
            for (int i = 0; i < qualifier.size(); i++) {
                if (!lower(tail.get(i)).equals(lower(qualifier.get(i)))) {
                    return false;
                }
            }
            return true;
        }
    }

    final Scope parent;
    final List<Entry> entries = new ArrayList<>();
    /** Columns merged by {@code join ... using (...)} or a natural join: lower-case name -> merged lineage. */
    final Map<String, Derived> usingColumns = new LinkedHashMap<>();
    /** Aliases of earlier select items, which DuckDB lets later items refer to: lower-case alias -> lineage. */
    final Map<String, Derived> selectAliases = new LinkedHashMap<>();
    /** Named windows ({@code window w as (...)}) by lower-case name. */
    final Map<String, Object> windows = new LinkedHashMap<>();

    /** The CTEs visible to this SELECT, by lower-case name (for subqueries in its expressions). */
    final Map<String, Rel> ctes;

    Scope(Scope parent, Map<String, Rel> ctes) {
        this.parent = parent;
        this.ctes = ctes;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The lineage of a column reference: {@code qualifier} holds the parts before the column name (may be empty). */
    Derived resolve(List<String> qualifier, String name) {
        return qualifier.isEmpty() ? resolveUnqualified(name) : resolveQualified(qualifier, name);
    }

    private Derived resolveQualified(List<String> qualifier, String name) {
        List<Entry> matches = entries.stream().filter(e -> e.answersTo(qualifier)).toList();
        String written = String.join(".", qualifier);
        if (matches.size() == 1) {
            return matches.get(0).rel().column(name);
        }
        if (matches.size() > 1) {
            return Derived.problem("relation " + written + " is ambiguous in the FROM clause");
        }
        if (parent != null && parent.knowsRelation(qualifier)) {
            return parent.resolveQualified(qualifier, name);
        }
        // DuckDB and Postgres read "s.field" and "t.s.field" as a field of the struct column s when no relation
        // answers to the whole qualifier
        if (qualifier.size() == 1) {
            Derived struct = lookupUnqualified(qualifier.get(0));
            if (struct != null) {
                return struct.atLeast(LineageKind.TRANSFORMED);
            }
        } else {
            Derived struct = resolve(qualifier.subList(0, qualifier.size() - 1), qualifier.get(qualifier.size() - 1));
            if (struct.problems().isEmpty()) {
                return struct.atLeast(LineageKind.TRANSFORMED);
            }
        }
        return Derived.problem("no relation " + written + " in the FROM clause for column " + written + "." + name);
    }

    private boolean knowsRelation(List<String> qualifier) {
        return entries.stream().anyMatch(e -> e.answersTo(qualifier)) || (parent != null && parent.knowsRelation(qualifier));
    }

    private Derived resolveUnqualified(String name) {
        Derived found = lookupUnqualified(name);
        if (found != null) {
            return found;
        }
        if (entries.isEmpty()) {
            return Derived.problem("column " + name + " has no relation to come from");
        }
        return Derived.problem("column " + name + " is not a column of "
                + entries.stream().map(e -> e.rel().description()).collect(Collectors.joining(", ")));
    }

    /** The lineage of an unqualified name here or in an enclosing scope; null when no relation has it. */
    private Derived lookupUnqualified(String name) {
        String key = lower(name);
        if (usingColumns.containsKey(key)) {
            return usingColumns.get(key);
        }
        List<Entry> known = entries.stream().filter(e -> e.rel().has(name)).toList();
        if (known.size() == 1) {
            return known.get(0).rel().column(name);
        }
        if (known.size() > 1) {
            return Derived.problem("column " + name + " is ambiguous: it is a column of "
                    + known.stream().map(e -> e.alias()).collect(Collectors.joining(" and ")));
        }
        List<Entry> unknown = entries.stream().filter(e -> !e.rel().columnsKnown()).toList();
        Derived alias = selectAliases.get(key);
        if (unknown.size() == 1 && alias == null) {
            return unknown.get(0).rel().column(name);
        }
        if (!unknown.isEmpty()) {
            List<String> candidates = new ArrayList<>(unknown.stream().map(Entry::alias).toList());
            if (alias != null) {
                candidates.add("the select item " + name);
            }
            return Derived.problem("column " + name + " is ambiguous: it may come from "
                    + String.join(" or ", candidates) + " (their columns are not known)");
        }
        if (alias != null) {
            return alias;
        }
        return parent == null ? null : parent.lookupUnqualified(name);
    }

    /** The entry a {@code t.*} names. */
    Entry entry(List<String> qualifier) {
        List<Entry> matches = entries.stream().filter(e -> e.answersTo(qualifier)).toList();
        if (matches.size() != 1) {
            throw new UnsupportedSqlException((matches.isEmpty() ? "no relation " : "ambiguous relation ")
                    + String.join(".", qualifier) + " for " + String.join(".", qualifier) + ".*");
        }
        return matches.get(0);
    }
}
