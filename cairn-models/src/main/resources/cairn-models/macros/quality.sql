{#- Data-quality helpers for models/quality. -#}

{#- The severity configured for a kind of check in var('cairn_dq_severity'): 'warn' or 'error' (the default). -#}
{% macro dq_severity(kind) -%}
  {%- set configured = var('cairn_dq_severity', {}) -%}
  {%- if configured[kind] == 'warn' -%}warn{%- else -%}error{%- endif -%}
{%- endmacro %}

{#- 'pass' unless the breach condition holds; then 'warn' or 'fail' as the kind's severity says. -#}
{% macro dq_status(breach, kind) -%}
  case when {{ breach }} then '{{ "warn" if dq_severity(kind) == "warn" else "fail" }}' else 'pass' end
{%- endmacro %}

{#- The uniform columns of ops.dq_check_results, in order. -#}
{% macro dq_check_row(check_name, model, kind, breach, observed, threshold, details) -%}
  cast({{ check_name }} as {{ cairn_string() }}) as check_name,
  cast({{ model }} as {{ cairn_string() }}) as model,
  tenant_id,
  '{{ dq_severity(kind) }}' as severity,
  {{ dq_status(breach, kind) }} as status,
  cast({{ observed }} as decimal(20, 4)) as observed_value,
  cast({{ threshold }} as decimal(20, 4)) as threshold,
  cast({{ details }} as {{ cairn_string() }}) as details
{%- endmacro %}
