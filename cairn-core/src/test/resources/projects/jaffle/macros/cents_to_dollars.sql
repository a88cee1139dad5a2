{# converts integer cents to a decimal dollar amount #}
{% macro cents_to_dollars(column_name, scale=2) -%}
    round({{ column_name }} / 100.0, {{ scale }})::decimal(16, {{ scale }})
{%- endmacro %}
