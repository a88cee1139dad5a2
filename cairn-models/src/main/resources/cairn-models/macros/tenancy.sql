{#- A tenant's local calendar date of an instant, in the time zone the platform gave the tenant (cairn.tenants);
    the default zone when the tenant has no row. `tenants` is the alias of stg_platform__tenants in the query. -#}
{% macro local_date(instant, tenants='tenants') -%}
  cast(timezone(coalesce({{ tenants }}.timezone, '{{ var("cairn_default_timezone") }}'), {{ instant }}) as date)
{%- endmacro %}

{#- The sales channel of each source system: one channel per system keeps fct_sales_by_day's grain the
    source system's. -#}
{% macro channel_of(source_system) -%}
  case {{ source_system }}
    when 'shopify' then 'online_store'
    when 'ecommerce' then 'marketplace'
    when 'pos' then 'retail_store'
    when 'quickbooks' then 'direct_sales'
    else 'other'
  end
{%- endmacro %}
