package dev.sluice.duckdb.state;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.ListOutput;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A small shop project with two targets in one DuckDB file: {@code dev} (schema dev, the default) and {@code prod}
 * (schema prod). Production builds write their artifacts to {@code prod-artifacts/}.
 */
final class StateFixture {
    static final String PROFILES = """
            shop:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: "warehouse.duckdb"
                  schema: dev
                  threads: 2
                prod:
                  type: duckdb
                  path: "warehouse.duckdb"
                  schema: prod
                  threads: 2
            """;

    static final Map<String, String> FILES = Map.of(
            "dbt_project.yml", "name: shop\nprofile: shop\nmodels:\n  shop:\n    +materialized: table\n",
            "profiles.yml", PROFILES,
            "seeds/raw_orders.csv", "id,customer_id,amount\n1,1,10\n2,1,15\n3,2,7\n4,3,30\n",
            "models/stg_orders.sql", "select id, customer_id, amount from {{ ref('raw_orders') }}\n",
            "models/customers.sql", """
                    select customer_id, sum(amount) as total
                    from {{ ref('stg_orders') }}
                    group by customer_id
                    """,
            "models/customer_rank.sql", """
                    select customer_id, total, rank() over (order by total desc) as position
                    from {{ ref('customers') }}
                    """,
            "models/big_orders.sql", "select * from {{ ref('stg_orders') }} where amount > {{ threshold() }}\n",
            "macros/threshold.sql", "{% macro threshold() %}12{% endmacro %}\n",
            "models/schema.yml", """
                    version: 2
                    models:
                      - name: customers
                        columns:
                          - name: customer_id
                            data_tests: [not_null, unique]
                    """);

    private StateFixture() {
    }

    static TestProject project(Path dir) {
        return TestProject.at(dir).write(FILES);
    }

    static InvocationOptions.Builder prod(TestProject project) {
        return project.options().target("prod").targetPath(Path.of("prod-artifacts"));
    }

    static RunResults buildProd(TestProject project) {
        RunResults results = project.sluice().build(prod(project).build());
        if (results.failed()) {
            throw new AssertionError("the production build failed: " + results.results());
        }
        return results;
    }

    /** Names of the resources {@code ls} selects, as a sorted set. */
    static Set<String> list(TestProject project, UnaryOperator<InvocationOptions.Builder> flags) {
        InvocationOptions options = flags.apply(project.options().statePath(Path.of("prod-artifacts"))).build();
        return new TreeSet<>(project.sluice().list(options, ListOutput.NAME, List.of()));
    }

    static List<List<Object>> rows(TestProject project, String sql) {
        return project.sluice().show(project.options().build(), sql, -1).preview().rows();
    }

    /** unique id -> status, for the nodes the results hold. */
    static Map<String, String> statuses(RunResults results) {
        Map<String, String> out = new TreeMap<>();
        results.results().forEach(r -> out.put(r.uniqueId(), r.status().dbtName()));
        return out;
    }

    static NodeResult result(RunResults results, String id) {
        return results.results().stream().filter(r -> r.uniqueId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + statuses(results)));
    }

    /** The relations of a schema, lower-case names. */
    static Set<String> relations(TestProject project, String schema) {
        Set<String> out = new TreeSet<>();
        rows(project, "select table_name from information_schema.tables where table_schema = '" + schema + "'")
                .forEach(r -> out.add(String.valueOf(r.get(0)).toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
