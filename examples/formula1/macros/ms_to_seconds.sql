{#
    Timing feeds count milliseconds; people read seconds. Returns a decimal with `scale` digits after the point,
    and null for a null input.
#}
{% macro ms_to_seconds(column_name, scale=3) -%}
    cast({{ column_name }} / 1000.0 as decimal(12, {{ scale }}))
{%- endmacro %}
