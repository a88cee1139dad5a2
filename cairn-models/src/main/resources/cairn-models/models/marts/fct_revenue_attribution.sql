{{ config(materialized='table') }}
{#- Revenue per (tenant, local date, channel, source system, sub-channel: Shopify source_name, marketplace, POS
    register's store, QuickBooks payment method) with each row's share of the tenant's day, in the reporting
    currency (rows in a currency without an FX rate have no reporting amount and no share). Refunds are not
    attributed here: fct_sales_by_day carries them. -#}
with orders as (
  select o.tenant_id, o.order_date, o.channel, o.source_system,
         coalesce(case when o.source_system = 'pos' then o.store_id else o.sub_channel end, 'unknown') as sub_channel,
         o.currency, o.gross_amount - o.discount_amount as net_amount,
         coalesce(tenants.reporting_currency, '{{ var("cairn_default_currency") }}') as reporting_currency
  from {{ ref('int_orders') }} o
  left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = o.tenant_id
  where not o.is_cancelled
),
converted as (
  select o.*, o.net_amount * {{ fx_rate('o.currency', 'o.reporting_currency') }} as net_reporting
  from orders o
  left join {{ fx_ranges() }} fx_from on {{ fx_match('fx_from', 'o.currency', 'o.order_date') }}
  left join {{ fx_ranges() }} fx_to on {{ fx_match('fx_to', 'o.reporting_currency', 'o.order_date') }}
),
grouped as (
  select tenant_id, order_date as sales_date, channel, source_system, sub_channel, reporting_currency,
         count(*) as orders, cast(sum(net_reporting) as decimal(18, 2)) as net_reporting,
         count(*) filter (where net_reporting is null) as orders_without_rate
  from converted
  group by tenant_id, order_date, channel, source_system, sub_channel, reporting_currency
)
select
  *,
  {{ cairn_decimal_from_double(cairn_fdiv('net_reporting',
      'nullif(sum(net_reporting) over (partition by tenant_id, sales_date), 0)'), 9, 6) }} as share_of_day
from grouped
