{#- DuckDB's spelling of the cross-database macros where it differs from Sluice's defaults. -#}

{% macro duckdb__type_string() %}{{ return('varchar') }}{% endmacro %}
{% macro duckdb__type_float() %}{{ return('double') }}{% endmacro %}
{% macro duckdb__current_timestamp() %}now(){% endmacro %}

{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) %}
    date_add({{ from_date_or_timestamp }}, interval ({{ interval }}) {{ datepart }})
{% endmacro %}

{% macro duckdb__datediff(first_date, second_date, datepart) %}
    date_diff('{{ datepart }}', {{ first_date }}::timestamp, {{ second_date }}::timestamp)
{% endmacro %}

{% macro duckdb__safe_cast(field, type) %}try_cast({{ field }} as {{ type }}){% endmacro %}

{% macro duckdb__date(year, month, day) %}make_date({{ year }}, {{ month }}, {{ day }}){% endmacro %}

{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) %}
    {%- if limit_num -%}
    array_to_string(list({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})[1:{{ limit_num }}], {{ delimiter_text }})
    {%- else -%}
    string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endif -%}
{% endmacro %}

{% macro duckdb__split_part(string_text, delimiter_text, part_number) %}
    string_split({{ string_text }}, {{ delimiter_text }})[{{ part_number }}]
{% endmacro %}

{% macro duckdb__array_concat(array_1, array_2) %}list_concat({{ array_1 }}, {{ array_2 }}){% endmacro %}
