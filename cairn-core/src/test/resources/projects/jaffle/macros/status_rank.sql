{% macro status_rank(column_name) -%}
case {{ column_name }}
{%- for status in ['placed', 'shipped', 'completed', 'return_pending', 'returned'] %}
    when '{{ status }}' then {{ loop.index }}
{%- endfor %}
end
{%- endmacro %}
