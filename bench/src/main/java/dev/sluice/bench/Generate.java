package dev.sluice.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes the synthetic projects of the performance issue. Usage:
 * <pre>
 *   Generate scale   DIR N      (a) dbt-core's scale-test shape, N models in folders of ten, built as tables
 *   Generate layered DIR        (b) a layered DAG of 40,000 models in ten levels
 *   Generate jinja   DIR        (c) 2,000 models with macros, if/for, config(), var, env_var, sources, full YAML
 *   Generate seeds   DIR        (d) one CSV of 1,000,000 rows and 200 CSVs of 1,000 rows
 * </pre>
 * Every project is deterministic (fixed seeds) and carries its own profiles.yml (DuckDB file {@code bench.duckdb}).
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Generate scale|layered|jinja|seeds DIR [N]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "scale" -> scale(dir, Integer.parseInt(args[2]));
            case "layered" -> layered(dir, args.length > 2 ? Integer.parseInt(args[2]) : 40_000);
            case "jinja" -> jinja(dir, args.length > 2 ? Integer.parseInt(args[2]) : 2_000);
            case "seeds" -> seeds(dir);
            default -> throw new IllegalArgumentException("unknown project kind " + args[0]);
        }
    }

    /** The ancestor lists of the scale-test shape: refs(i) = {p} + refs(p), p uniform in [0, i), seed 42. */
    public static List<List<Integer>> scaleRefs(int n) {
        Random random = new Random(42);
        List<List<Integer>> refs = new ArrayList<>(n);
        refs.add(List.of());
        for (int i = 1; i < n; i++) {
            int parent = random.nextInt(i);
            Set<Integer> mine = new LinkedHashSet<>();
            mine.add(parent);
            mine.addAll(refs.get(parent));
            refs.add(List.copyOf(mine));
        }
        return refs;
    }

    static void scale(Path dir, int n) throws IOException {
        project(dir, "scale", "models:\n  scale:\n    +materialized: table\n");
        List<List<Integer>> refs = scaleRefs(n);
        for (int i = 0; i < n; i++) {
            Path folder = dir.resolve("models/folder_" + (i / 10));
            StringBuilder sql = new StringBuilder("select 1 as id\n");
            for (int parent : refs.get(i)) {
                sql.append("union all\nselect * from {{ ref('node_").append(parent).append("') }}\n");
            }
            write(folder.resolve("node_" + i + ".sql"), sql.toString());
            write(folder.resolve("node_" + i + ".yml"), """
                    version: 2
                    models:
                      - name: node_%d
                        columns:
                          - name: id
                            tests:
                              - unique:
                                  config:
                                    severity: warn
                              - not_null
                              - relationships:
                                  to: ref('node_0')
                                  field: id
                    """.formatted(i));
        }
    }

    /** Level sizes halve from 20,000 (for 40,000 models); the last level takes the remainder. */
    static void layered(Path dir, int total) throws IOException {
        project(dir, "layered", "models:\n  layered:\n    +materialized: table\n");
        int levels = 10;
        int[] sizes = new int[levels];
        int left = total;
        for (int level = 0; level < levels; level++) {
            sizes[level] = level == levels - 1 ? left : Math.max(1, total / 2 >> level);
            left -= sizes[level];
        }
        Random random = new Random(7);
        for (int level = 0; level < levels; level++) {
            for (int i = 0; i < sizes[level]; i++) {
                StringBuilder sql = new StringBuilder();
                if (level == 0) {
                    sql.append("select ").append(i).append(" as id, 'level0' as label\n");
                } else {
                    int fanIn = 2 + random.nextInt(3);
                    Set<Integer> parents = new LinkedHashSet<>();
                    while (parents.size() < Math.min(fanIn, sizes[level - 1])) {
                        parents.add(random.nextInt(sizes[level - 1]));
                    }
                    String sep = "";
                    for (int parent : parents) {
                        sql.append(sep).append("select id, label from {{ ref('l").append(level - 1).append("_m")
                                .append(parent).append("') }}\n");
                        sep = "union all\n";
                    }
                }
                write(dir.resolve("models/level_" + level + "/group_" + (i / 100) + "/l" + level + "_m" + i + ".sql"),
                        sql.toString());
            }
        }
    }

    /** A project as a team writes it: staging over sources, intermediate and mart layers using macros. */
    static void jinja(Path dir, int n) throws IOException {
        project(dir, "realistic", """
                vars:
                  start_date: '2020-01-01'
                  payment_methods: ['credit_card', 'coupon', 'bank_transfer', 'gift_card']
                  include_deleted: false
                models:
                  realistic:
                    +materialized: view
                    marts:
                      +materialized: table
                """);
        write(dir.resolve("macros/money.sql"), """
                {% macro cents_to_dollars(column_name, scale=2) -%}
                    round(({{ column_name }} / 100)::numeric(16, {{ scale }}), {{ scale }})
                {%- endmacro %}

                {% macro safe_divide(numerator, denominator) -%}
                    case when {{ denominator }} = 0 then null else {{ numerator }} / {{ denominator }} end
                {%- endmacro %}
                """);
        write(dir.resolve("macros/pivots.sql"), """
                {% macro amount_by_method(methods, amount_column='amount') -%}
                    {%- for method in methods %}
                    sum(case when payment_method = '{{ method }}' then {{ amount_column }} else 0 end) as {{ method }}_amount
                    {%- if not loop.last %},{% endif %}
                    {%- endfor %}
                {%- endmacro %}

                {% macro audit_columns() -%}
                    current_timestamp as loaded_at,
                    '{{ invocation_id }}' as invocation_id
                {%- endmacro %}

                {% macro deleted_filter(alias) -%}
                    {%- if var('include_deleted', false) -%}
                    1 = 1
                    {%- else -%}
                    {{ alias }}.is_deleted = false
                    {%- endif -%}
                {%- endmacro %}
                """);
        int sources = 20;
        StringBuilder sourceYaml = new StringBuilder("version: 2\nsources:\n  - name: raw\n    schema: raw\n"
                + "    description: Raw tables landed by the loader\n    tables:\n");
        for (int s = 0; s < sources; s++) {
            sourceYaml.append("      - name: raw_table_").append(s).append("\n        description: Raw table ")
                    .append(s).append("\n        columns:\n          - name: id\n            tests: [not_null]\n");
        }
        write(dir.resolve("models/staging/sources.yml"), sourceYaml.toString());
        String[] columns = {"id", "customer_id", "payment_method", "amount", "status", "is_deleted", "created_at"};
        int staging = n / 4;
        int intermediate = n / 4;
        int marts = n - staging - intermediate;
        for (int i = 0; i < staging; i++) {
            String name = "stg_model_" + i;
            write(dir.resolve("models/staging/group_" + (i / 50) + "/" + name + ".sql"), """
                    {{ config(materialized='view', tags=['staging', 'group_%d']) }}

                    with source as (
                        select * from {{ source('raw', 'raw_table_%d') }}
                    ),
                    renamed as (
                        select
                            id,
                            customer_id,
                            lower(payment_method) as payment_method,
                            {{ cents_to_dollars('amount') }} as amount,
                            status,
                            coalesce(is_deleted, false) as is_deleted,
                            created_at
                        from source
                        where created_at >= '{{ var("start_date") }}'
                          and '{{ env_var("SLUICE_BENCH_REGION", "eu") }}' is not null
                    )
                    select * from renamed
                    """.formatted(i / 50, i % sources));
            write(dir.resolve("models/staging/group_" + (i / 50) + "/" + name + ".yml"), modelYaml(name, columns));
        }
        Random random = new Random(11);
        for (int i = 0; i < intermediate; i++) {
            String name = "int_model_" + i;
            int a = random.nextInt(staging);
            int b = random.nextInt(staging);
            write(dir.resolve("models/intermediate/group_" + (i / 50) + "/" + name + ".sql"), """
                    {{ config(materialized='ephemeral' if %s else 'view') }}
                    {%% set methods = var('payment_methods') %%}

                    select
                        a.customer_id,
                        {{ amount_by_method(methods) }},
                        count(*) as payments,
                        {{ safe_divide('sum(a.amount)', 'count(*)') }} as average_amount
                    from {{ ref('stg_model_%d') }} as a
                    left join {{ ref('stg_model_%d') }} as b on a.id = b.id
                    where {{ deleted_filter('a') }}
                    {%% if target.name == 'prod' %%}
                      and a.created_at >= current_date - interval 365 day
                    {%% endif %%}
                    group by 1
                    """.formatted(i % 7 == 0 ? "true" : "false", a, b));
            write(dir.resolve("models/intermediate/group_" + (i / 50) + "/" + name + ".yml"),
                    modelYaml(name, new String[] {"customer_id", "payments", "average_amount"}));
        }
        for (int i = 0; i < marts; i++) {
            String name = "fct_model_" + i;
            int a = random.nextInt(intermediate);
            int b = random.nextInt(intermediate);
            write(dir.resolve("models/marts/group_" + (i / 50) + "/" + name + ".sql"), """
                    {{ config(materialized='table', tags=['mart']) }}
                    {%% set parts = ['int_model_%d', 'int_model_%d'] %%}

                    with unioned as (
                    {%% for part in parts %%}
                        select customer_id, payments, average_amount, '{{ part }}' as origin from {{ ref(part) }}
                        {%% if not loop.last %%}union all{%% endif %%}
                    {%% endfor %%}
                    )
                    select
                        customer_id,
                        sum(payments) as payments,
                        max(average_amount) as average_amount,
                        {{ audit_columns() }}
                    from unioned
                    group by customer_id
                    """.formatted(a, b));
            write(dir.resolve("models/marts/group_" + (i / 50) + "/" + name + ".yml"),
                    modelYaml(name, new String[] {"customer_id", "payments", "average_amount", "loaded_at"}));
        }
    }

    private static String modelYaml(String name, String[] columns) {
        StringBuilder yaml = new StringBuilder("version: 2\nmodels:\n  - name: ").append(name)
                .append("\n    description: '").append(name).append(" as the team documents it'\n    columns:\n");
        for (String column : columns) {
            yaml.append("      - name: ").append(column).append("\n        description: The ").append(column)
                    .append(" of each row\n        tests:\n          - not_null\n");
            if (column.equals("id") || column.equals("customer_id") && !name.startsWith("stg")) {
                yaml.append("          - unique\n");
            }
            if (column.equals("status")) {
                yaml.append("          - accepted_values:\n              values: ['placed', 'shipped', 'returned']\n");
            }
        }
        return yaml.toString();
    }

    static void seeds(Path dir) throws IOException {
        project(dir, "seeds", "seeds:\n  seeds:\n    +quote_columns: false\n");
        Random random = new Random(3);
        LocalDate epoch = LocalDate.of(2000, 1, 1);
        try (BufferedWriter out = writer(dir.resolve("seeds/big/big_seed.csv"))) {
            out.write("id,order_date,customer_name,amount,quantity,status\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write(i + "," + epoch.plusDays(random.nextInt(9000)) + ",customer_" + random.nextInt(100_000)
                        + "_" + Long.toString(random.nextLong() & 0xffffffffffL, 36) + ","
                        + String.format(Locale.ROOT, "%.4f", random.nextDouble() * 10_000) + ","
                        + random.nextInt(1000) + "," + (random.nextBoolean() ? "shipped" : "returned") + "\n");
            }
        }
        for (int s = 0; s < 200; s++) {
            try (BufferedWriter out = writer(dir.resolve("seeds/small/small_seed_" + s + ".csv"))) {
                out.write("id,code,day,value\n");
                for (int i = 0; i < 1_000; i++) {
                    out.write(i + ",code_" + random.nextInt(500) + "," + epoch.plusDays(random.nextInt(9000)) + ","
                            + String.format(Locale.ROOT, "%.3f", random.nextDouble()) + "\n");
                }
            }
        }
    }

    private static void project(Path dir, String name, String extra) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("dbt_project.yml"), "name: " + name + "\nversion: '1.0'\nconfig-version: 2\nprofile: "
                + name + "\n" + extra);
        write(dir.resolve("profiles.yml"), name + ":\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: bench.duckdb\n      schema: main\n      threads: 2\n    prod:\n      type: duckdb\n"
                + "      path: bench.duckdb\n      schema: main\n      threads: 2\n");
    }

    private static BufferedWriter writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
