package dev.sluice.core.docs.lineage;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks a parsed query and computes the lineage of every output column: CTEs (each seeing the earlier ones),
 * subqueries, joins, {@code *} expansion, set operations, and expressions through {@link ExpressionLineage}.
 * One instance analyses one statement.
 */
final class QueryAnalyzer {
    /** dbt's prefix for the CTE an ephemeral model becomes. */
    static final String EPHEMERAL_PREFIX = "__dbt__cte__";

    private final RelationResolver resolver;
    private final Map<Class<?>, List<Field>> fields = new HashMap<>();

    QueryAnalyzer(RelationResolver resolver) {
        this.resolver = resolver;
    }

    List<Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, ExpressionLineage::readableFields);
    }

    /** The output columns of a query. {@code ctes} are the CTEs visible to it; {@code outer} the enclosing scope. */
    Rel query(Select select, Map<String, Rel> ctes, Scope outer) {
        Map<String, Rel> visible = withItems(select.getWithItemsList(), ctes, outer);
        if (select instanceof PlainSelect plain) {
            return plain(plain, visible, outer);
        }
        if (select instanceof SetOperationList set) {
            return setOperation(set, visible, outer);
        }
        if (select instanceof ParenthesedSelect parenthesed) {
            return query(parenthesed.getSelect(), visible, outer);
        }
        if (select instanceof Values values) {
            return values(values, List.of(), outer);
        }
        throw new UnsupportedSqlException("unsupported query form " + select.getClass().getSimpleName());
    }

    /** The lineage of a subquery used as an expression: everything its output columns are computed from. */
    Derived scalarSubquery(Select select, Scope scope) {
        Rel rel = query(select, scope.ctes, scope);
        return Derived.union(rel.columns().stream().map(Rel.Col::lineage).toList());
    }

    private Map<String, Rel> withItems(List<WithItem<?>> items, Map<String, Rel> ctes, Scope outer) {
        if (items == null || items.isEmpty()) {
            return ctes;
        }
        Map<String, Rel> visible = new LinkedHashMap<>(ctes);
        for (WithItem<?> item : items) {
            if (item.isRecursive()) {
                throw new UnsupportedSqlException("recursive CTE " + item.getUnquotedAliasName() + " is not supported");
            }
            if (item.getSelect() == null) {
                throw new UnsupportedSqlException("CTE " + item.getUnquotedAliasName() + " is not a select");
            }
            String name = unquote(item.getAliasName());
            List<String> renames = item.getWithItemList() == null ? List.of()
                    : item.getWithItemList().stream().map(i -> unquote(i.toString())).toList();
            Rel rel = ephemeral(name, item, visible, outer);
            if (rel == null) {
                rel = query(item.getSelect(), visible, outer).renamed(renames, "CTE " + name);
                rel = Rel.known(rel.columns(), "CTE " + name);
            }
            visible.put(Scope.lower(name), rel);
        }
        return visible;
    }

    /** An ephemeral model's CTE, when the resolver knows it: its columns then belong to that model. */
    private Rel ephemeral(String name, WithItem<?> item, Map<String, Rel> visible, Scope outer) {
        if (!Scope.lower(name).startsWith(EPHEMERAL_PREFIX)) {
            return null;
        }
        Optional<RelationResolver.Upstream> upstream = resolver.resolve(List.of(name));
        if (upstream.isEmpty()) {
            return null;
        }
        List<String> columns = upstream.get().columns();
        if (columns == null) {
            try {
                columns = query(item.getSelect(), visible, outer).columns().stream().map(Rel.Col::name).toList();
            } catch (UnsupportedSqlException e) {
                columns = null;
            }
        }
        return Rel.upstream(upstream.get().nodeId(), columns, name);
    }

    private Rel plain(PlainSelect select, Map<String, Rel> ctes, Scope outer) {
        if (select.getFromItem() == null && select.getJoins() != null) {
            throw new UnsupportedSqlException("joins without a FROM item");
        }
        Scope scope = new Scope(outer, ctes);
        if (select.getWindowDefinitions() != null) {
            for (WindowDefinition window : select.getWindowDefinitions()) {
                scope.windows.put(Scope.lower(window.getWindowName()), window);
            }
        }
        if (select.getFromItem() != null) {
            addFromItem(scope, select.getFromItem(), ctes);
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    join(scope, join, ctes);
                }
            }
        }
        if (select.getLateralViews() != null && !select.getLateralViews().isEmpty()) {
            throw new UnsupportedSqlException("LATERAL VIEW is not supported");
        }
        List<Rel.Col> out = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllTableColumns tableColumns) {
                Scope.Entry entry = scope.entry(nameParts(tableColumns.getTable()));
                out.addAll(star(List.of(entry), tableColumns, scope));
            } else if (expression instanceof AllColumns all) {
                out.addAll(star(scope.entries, all, scope));
            } else {
                Derived lineage = ExpressionLineage.of(expression, scope, this);
                String name = outputName(item);
                out.add(new Rel.Col(name, lineage));
                if (item.getAlias() != null) {
                    scope.selectAliases.putIfAbsent(Scope.lower(name), lineage);
                }
            }
        }
        return Rel.known(out, "the query");
    }

    /** Expands {@code *} or {@code t.*} over the given relations, with DuckDB's EXCLUDE and REPLACE. */
    private List<Rel.Col> star(List<Scope.Entry> entries, AllColumns all, Scope scope) {
        if (entries.isEmpty()) {
            throw new UnsupportedSqlException("select * without a FROM clause");
        }
        Set<String> excluded = new HashSet<>();
        if (all.getExceptColumns() != null) {
            for (Column column : all.getExceptColumns()) {
                excluded.add(Scope.lower(unquote(column.getColumnName())));
            }
        }
        Map<String, Derived> replaced = new HashMap<>();
        if (all.getReplaceExpressions() != null) {
            for (SelectItem<?> item : all.getReplaceExpressions()) {
                if (item.getAlias() == null) {
                    throw new UnsupportedSqlException("REPLACE item without a column name: " + item);
                }
                replaced.put(Scope.lower(unquote(item.getAlias().getName())),
                        ExpressionLineage.of(item.getExpression(), scope, this));
            }
        }
        List<Rel.Col> out = new ArrayList<>();
        Set<String> usingEmitted = new HashSet<>();
        boolean wholeScope = entries == scope.entries;
        for (Scope.Entry entry : entries) {
            for (Rel.Col col : entry.rel().columns()) {
                String key = Scope.lower(col.name());
                if (excluded.contains(key)) {
                    continue;
                }
                Derived lineage = col.lineage();
                if (wholeScope && scope.usingColumns.containsKey(key)) {
                    if (!usingEmitted.add(key)) {
                        continue;
                    }
                    lineage = scope.usingColumns.get(key);
                }
                out.add(new Rel.Col(col.name(), replaced.getOrDefault(key, lineage)));
            }
        }
        return out;
    }

    private void join(Scope scope, Join join, Map<String, Rel> ctes) {
        if (join.isApply() || join.isSemi() || join.isWindowJoin()) {
            throw new UnsupportedSqlException("unsupported join: " + join);
        }
        Map<String, Derived> leftUsing = new LinkedHashMap<>();
        List<String> usingNames = new ArrayList<>();
        if (join.getUsingColumns() != null) {
            join.getUsingColumns().forEach(c -> usingNames.add(unquote(c.getColumnName())));
        }
        for (String name : usingNames) {
            leftUsing.put(Scope.lower(name), scope.resolve(List.of(), name));
        }
        Scope.Entry right = addFromItem(scope, join.getRightItem(), ctes);
        if (join.isNatural()) {
            if (!right.rel().columnsKnown() || scope.entries.stream().anyMatch(e -> !e.rel().columnsKnown())) {
                throw new UnsupportedSqlException("natural join over relations whose columns are not known");
            }
            for (Rel.Col col : right.rel().columns()) {
                boolean onLeft = scope.entries.stream().filter(e -> e != right).anyMatch(e -> e.rel().has(col.name()))
                        || scope.usingColumns.containsKey(Scope.lower(col.name()));
                if (onLeft) {
                    usingNames.add(col.name());
                    leftUsing.put(Scope.lower(col.name()), leftOf(scope, right, col.name()));
                }
            }
        }
        for (String name : usingNames) {
            String key = Scope.lower(name);
            Derived left = leftUsing.get(key);
            Derived rightSide = right.rel().column(name);
            Derived merged;
            if (join.isFull()) {
                merged = Derived.union(List.of(left, rightSide)).atLeast(LineageKind.TRANSFORMED);
            } else if (join.isRight()) {
                merged = rightSide;
            } else {
                merged = left;
            }
            scope.usingColumns.put(key, merged);
        }
    }

    private static Derived leftOf(Scope scope, Scope.Entry right, String name) {
        Derived using = scope.usingColumns.get(Scope.lower(name));
        if (using != null) {
            return using;
        }
        List<Scope.Entry> left = scope.entries.stream().filter(e -> e != right && e.rel().has(name)).toList();
        if (left.size() != 1) {
            throw new UnsupportedSqlException("natural join column " + name + " is ambiguous");
        }
        return left.get(0).rel().column(name);
    }

    /** Adds a FROM item (table, CTE, subquery, VALUES, table function, parenthesised join) to the scope. */
    private Scope.Entry addFromItem(Scope scope, FromItem item, Map<String, Rel> ctes) {
        if (item.getPivot() != null || item.getUnPivot() != null) {
            throw new UnsupportedSqlException("PIVOT and UNPIVOT are not supported");
        }
        Alias alias = item.getAlias();
        List<String> renames = alias == null || alias.getAliasColumns() == null ? List.of()
                : alias.getAliasColumns().stream().map(c -> unquote(c.name)).toList();
        if (item instanceof Table table) {
            List<String> parts = nameParts(table);
            String name = parts.get(parts.size() - 1);
            Rel rel = parts.size() == 1 ? ctes.get(Scope.lower(name)) : null;
            if (rel == null) {
                rel = resolver.resolve(parts)
                        .map(u -> Rel.upstream(u.nodeId(), u.columns(), String.join(".", parts)))
                        .orElseGet(() -> Rel.external(String.join(".", parts), null));
            }
            String entryName = alias != null ? unquote(alias.getName()) : name;
            return add(scope, entryName, alias != null ? List.of(entryName) : parts, rel.renamed(renames, entryName));
        }
        if (item instanceof Values values) {
            String entryName = alias != null ? unquote(alias.getName()) : "values";
            return add(scope, entryName, List.of(entryName), values(values, renames, scope));
        }
        if (item instanceof ParenthesedSelect subquery) {
            Rel rel = query(subquery.getSelect(), ctes, scope);
            String entryName = alias != null ? unquote(alias.getName()) : "subquery";
            return add(scope, entryName, List.of(entryName), rel.renamed(renames, "subquery " + entryName));
        }
        if (item instanceof ParenthesedFromItem parenthesed) {
            if (parenthesed.getJoins() == null || parenthesed.getJoins().isEmpty()) {
                FromItem inner = parenthesed.getFromItem();
                if (inner instanceof Values values) {
                    String entryName = alias != null ? unquote(alias.getName()) : "values";
                    return add(scope, entryName, List.of(entryName), values(values, renames, scope));
                }
                if (alias != null) {
                    throw new UnsupportedSqlException("alias on a parenthesised FROM item: " + item);
                }
                return addFromItem(scope, inner, ctes);
            }
            if (alias != null) {
                throw new UnsupportedSqlException("alias on a parenthesised join: " + item);
            }
            Scope.Entry last = addFromItem(scope, parenthesed.getFromItem(), ctes);
            for (Join join : parenthesed.getJoins()) {
                join(scope, join, ctes);
                last = scope.entries.get(scope.entries.size() - 1);
            }
            return last;
        }
        if (item instanceof TableFunction function) {
            String text = function.getFunction().toString();
            String entryName = alias != null ? unquote(alias.getName()) : unquote(function.getFunction().getName());
            Derived arguments = ExpressionLineage.of(function.getFunction(), scope, this);
            Rel rel;
            if (!arguments.refs().isEmpty() || !arguments.problems().isEmpty()) {
                // unnest(t.items) and the like: every column is computed from the arguments
                if (renames.isEmpty()) {
                    throw new UnsupportedSqlException("table function " + text + " needs column names: "
                            + entryName + "(a, b, ...)");
                }
                List<Rel.Col> cols = renames.stream()
                        .map(n -> new Rel.Col(n, arguments.atLeast(LineageKind.TRANSFORMED))).toList();
                rel = Rel.known(cols, text);
            } else {
                rel = Rel.external(text, renames.isEmpty() ? null : renames);
            }
            return add(scope, entryName, List.of(entryName), rel);
        }
        throw new UnsupportedSqlException("unsupported FROM item " + item.getClass().getSimpleName() + ": " + item);
    }

    private static Scope.Entry add(Scope scope, String alias, List<String> nameParts, Rel rel) {
        Scope.Entry entry = new Scope.Entry(alias, nameParts, rel);
        scope.entries.add(entry);
        return entry;
    }

    private Rel values(Values values, List<String> names, Scope scope) {
        ExpressionList<?> rows = values.getExpressions();
        List<List<Derived>> columns = new ArrayList<>();
        for (Object row : rows) {
            List<Expression> cells = new ArrayList<>();
            if (row instanceof ExpressionList<?> list) {
                list.forEach(e -> cells.add((Expression) e));
            } else {
                cells.add((Expression) row);
            }
            for (int i = 0; i < cells.size(); i++) {
                if (columns.size() <= i) {
                    columns.add(new ArrayList<>());
                }
                columns.get(i).add(ExpressionLineage.of(cells.get(i), scope, this));
            }
        }
        List<Rel.Col> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = i < names.size() ? names.get(i) : "col" + i;
            out.add(new Rel.Col(name, Derived.union(columns.get(i))));
        }
        return Rel.known(out, "VALUES");
    }

    private Rel setOperation(SetOperationList set, Map<String, Rel> ctes, Scope outer) {
        List<Rel> branches = new ArrayList<>();
        for (Select branch : set.getSelects()) {
            branches.add(query(branch, ctes, outer));
        }
        List<Rel.Col> first = branches.get(0).columns();
        for (int b = 1; b < branches.size(); b++) {
            if (branches.get(b).columns().size() != first.size()) {
                throw new UnsupportedSqlException("the branches of " + set.getOperations().get(b - 1)
                        + " return " + first.size() + " and " + branches.get(b).columns().size() + " columns");
            }
        }
        List<Rel.Col> out = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            List<Derived> parts = new ArrayList<>();
            parts.add(first.get(i).lineage());
            for (int b = 1; b < branches.size(); b++) {
                SetOperation op = set.getOperations().get(b - 1);
                if (op instanceof ExceptOp || op instanceof MinusOp || op instanceof IntersectOp) {
                    continue; // the rows of later branches only filter the first's; their values are not output
                }
                parts.add(branches.get(b).columns().get(i).lineage());
            }
            out.add(new Rel.Col(first.get(i).name(), Derived.union(parts)));
        }
        return Rel.known(out, "the query");
    }

    /** Resolves a column reference in a scope: {@code a}, {@code t.a}, {@code s.t.a}, {@code db.s.t.a}. */
    Derived resolve(Column column, Scope scope) {
        String name = unquote(column.getColumnName());
        Table table = column.getTable();
        List<String> qualifier = table == null || table.getName() == null ? List.of() : nameParts(table);
        return scope.resolve(qualifier, name);
    }

    private static String outputName(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return unquote(item.getAlias().getName());
        }
        Expression expression = item.getExpression();
        if (expression instanceof Column column) {
            return unquote(column.getColumnName());
        }
        return expression.toString();
    }

    /** A table name's parts, outermost first, unquoted. */
    static List<String> nameParts(Table table) {
        List<String> parts = new ArrayList<>();
        if (table.getDatabase() != null && table.getDatabase().getDatabaseName() != null) {
            parts.add(unquote(table.getDatabase().getDatabaseName()));
        }
        if (table.getSchemaName() != null) {
            parts.add(unquote(table.getSchemaName()));
        }
        parts.add(unquote(table.getName()));
        return parts;
    }

    /** An identifier without its quotes ("x", `x`, [x]); a doubled quote inside stands for one. */
    static String unquote(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char first = identifier.charAt(0);
        char last = identifier.charAt(identifier.length() - 1);
        if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
            String q = String.valueOf(first);
            return identifier.substring(1, identifier.length() - 1).replace(q + q, q);
        }
        if (first == '[' && last == ']') {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }
}
