{#- Layers land in schemas named after them (staging, intermediate, marts), as DESIGN.md §1 draws them. A dedicated
    tenant's build sets var('cairn_schema_prefix') to '<tenant>_', so its layers land in <tenant>_staging, ... -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {{ var('cairn_schema_prefix', '') }}{%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
