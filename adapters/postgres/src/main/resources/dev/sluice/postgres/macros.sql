{#- PostgreSQL's spelling of the cross-database macros where it differs from Sluice's defaults. -#}

{% macro postgres__type_string() %}{{ return('text') }}{% endmacro %}
{% macro postgres__type_float() %}{{ return('float8') }}{% endmacro %}
{% macro postgres__current_timestamp() %}now(){% endmacro %}

{#- an interval of n dateparts; PostgreSQL has no 'quarter' interval unit -#}
{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) %}
    {%- if datepart | lower == 'quarter' -%}
    ({{ from_date_or_timestamp }} + (({{ interval }}) * 3) * interval '1 month')
    {%- else -%}
    ({{ from_date_or_timestamp }} + ({{ interval }}) * interval '1 {{ datepart }}')
    {%- endif -%}
{% endmacro %}

{#- How many datepart boundaries lie between the two values (as Snowflake, dbt's reference, counts them). -#}
{% macro postgres__datediff(first_date, second_date, datepart) %}
    {%- set part = datepart | lower -%}
    {%- set a = '(' ~ first_date ~ ')::timestamp' -%}
    {%- set b = '(' ~ second_date ~ ')::timestamp' -%}
    {%- if part == 'year' -%}
    cast(date_part('year', {{ b }}) - date_part('year', {{ a }}) as bigint)
    {%- elif part == 'quarter' -%}
    cast((date_part('year', {{ b }}) - date_part('year', {{ a }})) * 4 + date_part('quarter', {{ b }}) - date_part('quarter', {{ a }}) as bigint)
    {%- elif part == 'month' -%}
    cast((date_part('year', {{ b }}) - date_part('year', {{ a }})) * 12 + date_part('month', {{ b }}) - date_part('month', {{ a }}) as bigint)
    {%- elif part == 'week' -%}
    cast((date_trunc('week', {{ b }})::date - date_trunc('week', {{ a }})::date) / 7 as bigint)
    {%- elif part == 'day' -%}
    cast(({{ b }})::date - ({{ a }})::date as bigint)
    {%- elif part == 'hour' -%}
    cast(floor(extract(epoch from date_trunc('hour', {{ b }}) - date_trunc('hour', {{ a }})) / 3600) as bigint)
    {%- elif part == 'minute' -%}
    cast(floor(extract(epoch from date_trunc('minute', {{ b }}) - date_trunc('minute', {{ a }})) / 60) as bigint)
    {%- elif part == 'second' -%}
    cast(floor(extract(epoch from date_trunc('second', {{ b }}) - date_trunc('second', {{ a }}))) as bigint)
    {%- elif part == 'millisecond' -%}
    cast(floor(extract(epoch from date_trunc('milliseconds', {{ b }}) - date_trunc('milliseconds', {{ a }})) * 1000) as bigint)
    {%- elif part == 'microsecond' -%}
    cast(floor(extract(epoch from {{ b }} - {{ a }}) * 1000000) as bigint)
    {%- else -%}
    {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff in postgres: " ~ datepart) }}
    {%- endif -%}
{% endmacro %}

{% macro postgres__date(year, month, day) %}make_date({{ year }}, {{ month }}, {{ day }}){% endmacro %}

{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) %}
    {%- if limit_num -%}
    array_to_string((array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}], {{ delimiter_text }})
    {%- else -%}
    string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endif -%}
{% endmacro %}

{#- any_value() exists only from PostgreSQL 16 -#}
{% macro postgres__any_value(expression) %}min({{ expression }}){% endmacro %}

{% macro postgres__array_construct(inputs, data_type) %}
    {%- if inputs | length > 0 -%}array[ {{ inputs | join(' , ') }} ]{%- else -%}array[]::{{ data_type }}[]{%- endif -%}
{% endmacro %}

{% macro postgres__split_part(string_text, delimiter_text, part_number) %}
    {%- if part_number >= 0 -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
    {%- else -%}
    (string_to_array({{ string_text }}, {{ delimiter_text }}))[array_length(string_to_array({{ string_text }}, {{ delimiter_text }}), 1) + 1 + ({{ part_number }})]
    {%- endif -%}
{% endmacro %}
