/**
 * Column-level lineage: which upstream columns feed each column of a model, read from the model's compiled SQL with
 * a real SQL parser (JSqlParser, {@code com.github.jsqlparser:jsqlparser}), never with regular expressions.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.sluice.core.docs.lineage.ProjectColumnLineage#build(dev.sluice.core.manifest.Manifest,
 *       java.util.Map, java.util.Map) ProjectColumnLineage.build(manifest, compiledSqlByNodeId, columnsByNodeId)}:
 *       every SQL model, snapshot and analysis of a project, upstream first; then
 *       {@code lineage(nodeId)}, {@code all()} and {@code downstream(nodeId, column)}.</li>
 *   <li>{@link dev.sluice.core.docs.lineage.ColumnLineage#analyze(String, RelationResolver)
 *       ColumnLineage.analyze(compiledSql, resolver)}: one query, with a {@link RelationResolver} that maps relation
 *       names to node ids and their columns.</li>
 * </ul>
 * Both return {@link dev.sluice.core.docs.lineage.ModelLineage}: either the output columns in order, each an
 * {@link dev.sluice.core.docs.lineage.OutputColumn} (name, sorted upstream {@link ColumnRef}s, a
 * {@link LineageKind}, and a {@code problem} when part of it could not be resolved), or an
 * {@code unparsableReason} (the parser's message, or the construct that is not supported). Nothing here throws for
 * bad SQL, and nothing is guessed: what cannot be resolved is said. All values are immutable; analysis holds no
 * state between calls and is safe from several threads.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A column's lineage is the columns its <em>value</em> is computed from: every column referenced in its
 *       expression, including CASE conditions, function arguments, aggregate FILTER clauses and a window's PARTITION
 *       BY and ORDER BY. Columns that only decide <em>which rows</em> there are or how they pair up are not inputs:
 *       JOIN ... ON conditions, WHERE, GROUP BY, HAVING, QUALIFY, ORDER BY, LIMIT, and the correlation conditions of
 *       subqueries. So in the shop project {@code customers.customer_lifetime_value} comes from
 *       {@code stg_payments.amount} only, not from the {@code stg_orders.customer_id} it is grouped by; a group key
 *       that is itself selected is a direct passthrough of its own column.</li>
 *   <li>Lineage goes through CTEs (each seeing the earlier ones, nested WITH included), subqueries in FROM (also
 *       LATERAL) and scalar subqueries, and stops at project nodes: models, seeds, snapshots and sources. A relation
 *       the project does not know is an external {@link ColumnRef} naming the relation as written.</li>
 *   <li>Relation names: {@code "db"."schema"."name"}, {@code schema.name} or {@code name}, matched case-insensitively
 *       against models', seeds' and snapshots' database, schema and alias and sources' database, schema and
 *       identifier; a shorter name resolves only when exactly one relation ends with it. A CTE of the query shadows a
 *       project relation of the same name. dbt's ephemeral CTEs ({@code __dbt__cte__name}) stand for the ephemeral
 *       model: its columns belong to that model's node.</li>
 *   <li>Unqualified columns resolve through the FROM clause: the relation whose known columns include the name; if
 *       none does, the only relation whose columns are unknown; otherwise (several candidates) the column gets a
 *       {@code problem} naming them and no sources. DuckDB's references to earlier select aliases are followed.
 *       {@code s.field} on a struct column is a transformation of that column.</li>
 *   <li>{@code *} and {@code t.*} expand over the relations' columns in order, with DuckDB's
 *       {@code EXCLUDE (...)} and {@code REPLACE (... AS c)}; a USING or NATURAL join column appears once (the left
 *       side's for inner and left joins, the right's for right joins, both for full joins). Columns of upstream
 *       nodes come from the warehouse when given, else a model's lineage-derived columns, else a seed's CSV header;
 *       a source's YAML columns are not used (they may be partial), so {@code select *} from a source needs the
 *       catalog's columns.</li>
 *   <li>UNION [ALL]: column i comes from column i of every branch; EXCEPT and INTERSECT: from the first branch only.
 *       VALUES and literal-only columns have no upstream ({@link LineageKind#CONSTANT}).</li>
 *   <li>Kinds, weakest to strongest: CONSTANT, DIRECT (one column passed through, maybe renamed), TRANSFORMED,
 *       AGGREGATED, WINDOW; a column's kind is the strongest step on its path through CTEs and subqueries.</li>
 *   <li>Output names are the alias, else the column's name, else the expression's text as the parser prints it.</li>
 * </ul>
 *
 * <h2>Unparsable today</h2>
 * SQL the parser rejects (DuckDB struct literals {@code {'a': 1}}, {@code :=} named arguments, FROM-first queries,
 * {@code UNION BY NAME}, QUALIFY written after WINDOW); {@code select *} over a relation whose columns are not known;
 * recursive CTEs; PIVOT/UNPIVOT; set operations whose branches differ in width; Python models; statements other than
 * a query. JSqlParser reserves {@code final} (a ClickHouse word), which dbt projects use as a CTE name; it is quoted
 * before parsing with the parser's own tokenizer ({@code KeywordIdentifiers}).
 */
package dev.sluice.core.docs.lineage;
