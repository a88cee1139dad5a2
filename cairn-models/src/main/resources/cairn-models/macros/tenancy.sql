{#- A tenant's local calendar date of an instant, in the time zone the platform gave the tenant (cairn.tenants);
    the default zone when the tenant has no row. `tenants` is the alias of stg_platform__tenants in the query. -#}
{% macro local_date(instant, tenants='tenants') -%}
  {{ cairn_date_in_zone(instant, "coalesce(" ~ tenants ~ ".timezone, '" ~ var("cairn_default_timezone") ~ "')") }}
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

{#- Normalized identity attributes used by customer matching. -#}
{% macro norm_email(expr) -%}
  nullif(lower(trim({{ expr }})), '')
{%- endmacro %}

{#- Digits only; numbers shorter than 7 digits are too weak to match on. -#}
{% macro norm_phone(expr) -%}
  case when length({{ cairn_regexp_replace_all("coalesce(" ~ expr ~ ", '')", "'[^0-9]'", "''") }}) >= 7
       then {{ cairn_regexp_replace_all(expr, "'[^0-9]'", "''") }} end
{%- endmacro %}

{#- Lower case letters and digits only: 'Ines  Rossi', 'INES ROSSI' and 'ines-rossi' are one name. -#}
{% macro norm_text(expr) -%}
  nullif({{ cairn_regexp_replace_all("lower(coalesce(" ~ expr ~ ", ''))", "'[^a-z0-9]'", "''") }}, '')
{%- endmacro %}
