package dev.sluice.duckdb.packages;

import java.util.Map;

/**
 * A small utility package written for these tests. It uses the mechanisms dbt_utils relies on: adapter.dispatch
 * with a namespace, cross-database macros (dbt.hash, dbt.concat, dbt.dateadd, dbt.datediff, dbt.type_string),
 * adapter.get_columns_in_relation, a generic test in a package namespace, and a package model with its own vars.
 */
final class UtilsPackageFiles {
    private UtilsPackageFiles() {
    }

    static Map<String, String> files() {
        return Map.of(
                "dbt_project.yml", """
                        name: sluice_utils
                        version: '1.0'
                        macro-paths: ["macros"]
                        vars:
                          spine_label: from_package
                        models:
                          sluice_utils:
                            +materialized: table
                        """,
                "macros/surrogate_key.sql", """
                        {% macro surrogate_key(field_list) %}
                          {{ return(adapter.dispatch('surrogate_key', 'sluice_utils')(field_list)) }}
                        {% endmacro %}

                        {% macro default__surrogate_key(field_list) %}
                          {%- set fields = [] -%}
                          {%- for field in field_list -%}
                            {%- do fields.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '_null_')") -%}
                            {%- if not loop.last -%}{%- do fields.append("'-'") -%}{%- endif -%}
                          {%- endfor -%}
                          {{ dbt.hash(dbt.concat(fields)) }}
                        {% endmacro %}
                        """,
                "macros/star.sql", """
                        {% macro star(from, except=[]) %}
                          {%- if not execute -%}{{ return('*') }}{%- endif -%}
                          {%- set names = [] -%}
                          {%- for column in adapter.get_columns_in_relation(from) -%}
                            {%- if column.name | lower not in except | map('lower') | list -%}
                              {%- do names.append(adapter.quote(column.name)) -%}
                            {%- endif -%}
                          {%- endfor -%}
                          {{ return(names | join(', ')) }}
                        {% endmacro %}
                        """,
                "macros/date_spine.sql", """
                        {% macro date_spine(datepart, start_date, end_date) %}
                          {{ return(adapter.dispatch('date_spine', 'sluice_utils')(datepart, start_date, end_date)) }}
                        {% endmacro %}

                        {% macro default__date_spine(datepart, start_date, end_date) %}
                          with numbers as (
                            select row_number() over () - 1 as n
                            from (select 1 from range(0, 1000)) as r
                          )
                          select {{ dbt.dateadd(datepart, 'n', start_date) }} as date_{{ datepart }}
                          from numbers
                          where n < {{ dbt.datediff(start_date, end_date, datepart) }}
                        {% endmacro %}
                        """,
                "macros/tests.sql", """
                        {% test expression_is_true(model, expression, column_name=None) %}
                          select * from {{ model }} where not ({{ expression }})
                        {% endtest %}
                        """,
                "models/utils_label.sql", """
                        select '{{ var("spine_label") }}' as label
                        """);
    }
}
