package dev.sluice.core.docs.lineage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The lineage of one expression: every column it references, wherever it sits in the expression (function arguments,
 * CASE branches and conditions, casts, FILTER clauses, window PARTITION BY and ORDER BY), each resolved through the
 * scope. The parser's expression tree is walked field by field so that no kind of expression can hide a column.
 */
final class ExpressionLineage {
    /** Aggregate functions of DuckDB and Postgres, lower case. */
    static final Set<String> AGGREGATES = Set.of("sum", "count", "avg", "mean", "min", "max", "string_agg", "listagg",
            "group_concat", "array_agg", "list", "bool_and", "bool_or", "every", "any_value", "arbitrary", "first",
            "last", "arg_max", "arg_min", "argmax", "argmin", "max_by", "min_by", "median", "mode", "stddev",
            "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "approx_count_distinct", "approx_quantile",
            "percentile_cont", "percentile_disc", "quantile", "quantile_cont", "quantile_disc", "count_if",
            "countif", "bit_and", "bit_or", "bit_xor", "bitstring_agg", "product", "kurtosis", "skewness", "corr",
            "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_r2", "regr_count", "regr_avgx",
            "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy", "histogram", "entropy", "fsum", "sumkahan", "kahan_sum",
            "favg", "json_agg", "jsonb_agg", "json_group_array", "json_group_object", "json_object_agg",
            "jsonb_object_agg", "xmlagg", "geomean", "geometric_mean", "reservoir_quantile", "mad",
            "approx_top_k", "array_agg_distinct", "sem");

    private final QueryAnalyzer analyzer;
    private final Scope scope;
    private final Deque<Set<String>> lambdaParameters = new ArrayDeque<>();
    private final Set<ColumnRef> refs = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();
    private LineageKind inherited = LineageKind.CONSTANT;
    private boolean aggregate;
    private boolean window;

    private ExpressionLineage(QueryAnalyzer analyzer, Scope scope) {
        this.analyzer = analyzer;
        this.scope = scope;
    }

    /** The lineage of {@code expression} evaluated in {@code scope}. */
    static Derived of(Expression expression, Scope scope, QueryAnalyzer analyzer) {
        Expression bare = unwrap(expression);
        if (bare instanceof Column column) {
            return analyzer.resolve(column, scope);
        }
        ExpressionLineage walk = new ExpressionLineage(analyzer, scope);
        walk.visit(bare);
        return walk.result();
    }

    private static Expression unwrap(Expression expression) {
        Expression e = expression;
        while (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            e = list.get(0);
        }
        return e;
    }

    private Derived result() {
        LineageKind kind = window ? LineageKind.WINDOW : aggregate ? LineageKind.AGGREGATED : LineageKind.TRANSFORMED;
        kind = kind.max(inherited);
        if (kind == LineageKind.TRANSFORMED && refs.isEmpty() && problems.isEmpty()) {
            kind = LineageKind.CONSTANT;
        }
        return new Derived(refs, kind, problems);
    }

    private void add(Derived derived) {
        refs.addAll(derived.refs());
        derived.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        inherited = inherited.max(derived.kind());
    }

    private void visit(Object node) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Column column) {
            if (column.getTable() == null || column.getTable().getName() == null) {
                String name = QueryAnalyzer.unquote(column.getColumnName());
                if (lambdaParameters.stream().anyMatch(p -> p.contains(Scope.lower(name)))) {
                    return;
                }
            }
            add(analyzer.resolve(column, scope));
            visitFields(column.getArrayConstructor());
            return;
        }
        if (node instanceof Select select) {
            add(analyzer.scalarSubquery(select, scope).atLeast(LineageKind.TRANSFORMED));
            return;
        }
        if (node instanceof AllColumns) {
            return; // count(*): no column
        }
        if (node instanceof LambdaExpression lambda) {
            Set<String> names = new HashSet<>();
            lambda.getIdentifiers().forEach(id -> names.add(Scope.lower(QueryAnalyzer.unquote(id))));
            lambdaParameters.push(names);
            visit(lambda.getExpression());
            lambdaParameters.pop();
            return;
        }
        if (node instanceof AnalyticExpression analytic) {
            AnalyticType type = analytic.getType();
            if (type == AnalyticType.FILTER_ONLY || type == AnalyticType.WITHIN_GROUP) {
                aggregate = true;
            } else {
                window = true;
            }
            if (analytic.getWindowName() != null) {
                Object definition = scope.windows.get(Scope.lower(analytic.getWindowName()));
                if (definition == null) {
                    problems.add("window " + analytic.getWindowName() + " is not defined");
                }
                visit(definition);
            }
        } else if (node instanceof Function function && function.getName() != null
                && AGGREGATES.contains(Scope.lower(QueryAnalyzer.unquote(function.getName())))) {
            aggregate = true;
        }
        if (node instanceof Collection<?> collection) {
            collection.forEach(this::visit);
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(this::visit);
            return;
        }
        if (node instanceof Object[] array) {
            for (Object element : array) {
                visit(element);
            }
            return;
        }
        visitFields(node);
    }

    /** Visits every field of a parser object that may hold an expression; skips parser tokens and plain values. */
    private void visitFields(Object node) {
        if (node == null || !isParserObject(node.getClass())) {
            return;
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (!isParserObject(type)) {
                continue;
            }
            for (Field field : analyzer.fieldsOf(type)) {
                Object value;
                try {
                    value = field.get(node);
                } catch (IllegalAccessException e) {
                    throw new UnsupportedSqlException("cannot read the parsed expression " + node + ": " + e.getMessage());
                }
                if (value != null && (value instanceof Collection<?> || value instanceof Map<?, ?>
                        || value instanceof Object[] || isParserObject(value.getClass()))) {
                    visit(value);
                }
            }
        }
    }

    private static boolean isParserObject(Class<?> type) {
        String name = type.getName();
        return name.startsWith("net.sf.jsqlparser.") && !name.startsWith("net.sf.jsqlparser.parser.")
                && !type.isEnum();
    }

    /** The instance fields of a parser class, made readable. */
    static List<Field> readableFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            field.setAccessible(true);
            fields.add(field);
        }
        return fields;
    }
}
