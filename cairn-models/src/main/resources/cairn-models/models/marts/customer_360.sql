{{ config(materialized='table') }}
{#- One row per resolved person: identity (best e-mail, name, phone, location from the most recently updated
    record), the source records behind it, and purchase history across every channel in the reporting currency. -#}
{#- The most recently updated record wins; ties on the time go to the same record on every build and in every
    tenancy layout (source system, then its id), so the mart is deterministic. -#}
{%- set newest = "(coalesce(updated_at, created_at), source_system, source_customer_id)" -%}
{%- set dated = "filter (where coalesce(updated_at, created_at) is not null)" -%}
with people as (
  select
    tenant_id,
    person_key,
    min(match_confidence) as identity_confidence,
    count(*) as source_records,
    list(distinct source_system order by source_system) as source_systems,
    arg_max(email_norm, {{ newest }}) {{ dated }} as email,
    arg_max(first_name, {{ newest }}) {{ dated }} as first_name,
    arg_max(last_name, {{ newest }}) {{ dated }} as last_name,
    arg_max(phone, {{ newest }}) {{ dated }} as phone,
    arg_max(city, {{ newest }}) {{ dated }} as city,
    arg_max(country_code, {{ newest }}) {{ dated }} as country_code,
    min(created_at) as first_seen_at
  from {{ ref('int_customers') }}
  where not is_deleted
  group by 1, 2
),
purchases as (
  select
    tenant_id,
    person_key,
    count(*) as orders,
    sum(units) as units,
    min(order_date) as first_order_date,
    max(order_date) as last_order_date,
    list(distinct channel order by channel) as channels,
    any_value(reporting_currency) as reporting_currency,
    cast(sum(net_reporting) as decimal(18, 2)) as lifetime_net_reporting
  from {{ ref('int_customer_orders') }}
  where person_key is not null
  group by 1, 2
)
select
  coalesce(p.tenant_id, o.tenant_id) as tenant_id,
  coalesce(p.person_key, o.person_key) as person_key,
  p.identity_confidence,
  coalesce(p.source_records, 0) as source_records,
  p.source_systems,
  coalesce(p.email, case when o.person_key like 'email:%' then substr(o.person_key, 7) end) as email,
  p.first_name,
  p.last_name,
  p.phone,
  p.city,
  p.country_code,
  p.first_seen_at,
  coalesce(o.orders, 0) as orders,
  coalesce(o.units, 0) as units,
  o.first_order_date,
  o.last_order_date,
  o.channels,
  o.reporting_currency,
  coalesce(o.lifetime_net_reporting, 0) as lifetime_net_reporting
from people p
full outer join purchases o on o.tenant_id = p.tenant_id and o.person_key = p.person_key
