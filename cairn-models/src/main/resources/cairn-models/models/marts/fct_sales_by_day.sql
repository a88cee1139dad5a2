{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['tenant_id', 'sales_date'],
          on_schema_change='sync_all_columns') }}
{#-
  Sales per (tenant, local date, source system/channel, currency), from the final version of every order-like
  record. Cancelled, voided and deleted records are excluded; refunds land on the refund's own date in the order's
  currency; net = gross - discounts - refunds (shipping is in no column).

  Incremental: a run recomputes every (tenant, date) touched by a record ingested after the tenant's watermark
  (the newest ingested_at already in this table) minus var('cairn_lookback_days'), plus the tenant's last
  var('cairn_lookback_days') dates, and replaces those dates whole (delete+insert on tenant_id, sales_date).
-#}
{%- set lookback = var('cairn_lookback_days') -%}
with events as (
  select tenant_id, order_date as sales_date, source_system, channel, currency, is_cancelled as is_excluded,
         1 as orders, units, gross_amount, discount_amount, tax_amount, cast(0 as decimal(18, 2)) as refund_amount,
         ingested_at
  from {{ ref('int_orders') }}
  union all
  select tenant_id, refund_date, source_system, channel, currency, is_excluded,
         0, 0, 0, 0, 0, refund_amount, ingested_at
  from {{ ref('int_refunds') }}
),
{% if is_incremental() %}
watermarks as (
  select tenant_id, max(last_ingested_at) as watermark, max(sales_date) as newest_date
  from {{ this }}
  group by 1
),
affected as (
  select distinct e.tenant_id, e.sales_date
  from events e
  left join watermarks w on w.tenant_id = e.tenant_id
  where w.tenant_id is null
     or e.ingested_at > {{ cairn_date_add('w.watermark', -lookback, 'day') }}
     or e.sales_date > {{ cairn_date_add('w.newest_date', -lookback, 'day') }}
),
scoped as (
  select e.* from events e join affected a on a.tenant_id = e.tenant_id and a.sales_date = e.sales_date
),
{% else %}
scoped as (
  select * from events
),
{% endif %}
daily as (
  select
    tenant_id,
    sales_date,
    source_system,
    channel,
    currency,
    sum(orders) filter (where not is_excluded) as orders,
    sum(units) filter (where not is_excluded) as units,
    sum(gross_amount) filter (where not is_excluded) as gross,
    sum(discount_amount) filter (where not is_excluded) as discounts,
    sum(tax_amount) filter (where not is_excluded) as taxes,
    sum(refund_amount) filter (where not is_excluded) as refunds,
    max(ingested_at) as last_ingested_at
  from scoped
  group by 1, 2, 3, 4, 5
  having count(*) filter (where not is_excluded) > 0
)
select
  d.tenant_id,
  d.sales_date,
  d.source_system,
  d.channel,
  d.currency,
  cast(d.orders as bigint) as orders,
  cast(d.units as bigint) as units,
  cast(d.gross as decimal(18, 2)) as gross,
  cast(d.discounts as decimal(18, 2)) as discounts,
  cast(d.taxes as decimal(18, 2)) as taxes,
  cast(d.refunds as decimal(18, 2)) as refunds,
  cast(d.gross - d.discounts - d.refunds as decimal(18, 2)) as net,
  tenants.reporting_currency,
  {{ fx_rate('d.currency', 'tenants.reporting_currency') }} as fx_rate,
  cast((d.gross - d.discounts - d.refunds)
       * {{ fx_rate('d.currency', 'tenants.reporting_currency') }} as decimal(18, 2))
    as net_reporting,
  cast(d.gross * {{ fx_rate('d.currency', 'tenants.reporting_currency') }} as decimal(18, 2))
    as gross_reporting,
  d.last_ingested_at
from daily d
left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = d.tenant_id
left join {{ fx_ranges() }} fx_from on {{ fx_match('fx_from', 'd.currency', 'd.sales_date') }}
left join {{ fx_ranges() }} fx_to on {{ fx_match('fx_to', 'tenants.reporting_currency', 'd.sales_date') }}
