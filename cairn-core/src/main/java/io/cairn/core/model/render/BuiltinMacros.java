package io.cairn.core.model.render;

/** The macros dbt ships and projects may override: the four generic tests and schema naming. */
final class BuiltinMacros {
    static final String PATH = "<cairn builtin macros>";

    static final String TEXT = """
            {% macro test_not_null(model, column_name) %}
            select {{ column_name }} from {{ model }} where {{ column_name }} is null
            {% endmacro %}
            {% macro test_unique(model, column_name) %}
            select {{ column_name }} as unique_field, count(*) as n_records from {{ model }}
            where {{ column_name }} is not null group by {{ column_name }} having count(*) > 1
            {% endmacro %}
            {% macro test_accepted_values(model, column_name, values, quote=true) %}
            with all_values as (
              select {{ column_name }} as value_field, count(*) as n_records from {{ model }} group by {{ column_name }}
            )
            select * from all_values where value_field not in (
            {%- for value in values -%}
            {%- if quote -%}'{{ value | replace("'", "''") }}'{%- else -%}{{ value }}{%- endif -%}
            {%- if not loop.last -%}, {% endif -%}
            {%- endfor -%})
            {% endmacro %}
            {% macro test_relationships(model, column_name, to, field) %}
            select child.{{ column_name }} as from_field from {{ model }} as child
            left join {{ to }} as parent on child.{{ column_name }} = parent.{{ field }}
            where child.{{ column_name }} is not null and parent.{{ field }} is null
            {% endmacro %}
            {% macro generate_schema_name(custom_schema_name, node) -%}
            {%- if custom_schema_name is none or custom_schema_name == '' -%}{{ target.schema }}
            {%- else -%}{{ target.schema }}_{{ custom_schema_name | trim }}{%- endif -%}
            {%- endmacro %}
            """;

    private BuiltinMacros() {}
}
