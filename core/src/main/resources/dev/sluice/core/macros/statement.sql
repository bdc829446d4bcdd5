{#- statement blocks: the body runs on the warehouse when execute is true; load_result(name) reads what it returned. -#}

{% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
    {%- if execute -%}
        {%- set compiled_code = caller() -%}
        {%- do __sluice_statement(name, compiled_code, fetch_result) -%}
    {%- endif -%}
{%- endmacro %}
