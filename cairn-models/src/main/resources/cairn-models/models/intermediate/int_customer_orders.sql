{#- Orders (not cancelled) attributed to a resolved person: through the source's customer id when the order names
    one (Shopify customer, QuickBooks CustomerRef), else through the order's e-mail. Amounts also in the tenant's
    reporting currency (NULL when the order's currency has no FX rate). -#}
with orders as (
  select o.*, coalesce(tenants.reporting_currency, '{{ var("cairn_default_currency") }}') as reporting_currency
  from {{ ref('int_orders') }} o
  left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = o.tenant_id
  where not o.is_cancelled
),
refunds as (
  select tenant_id, order_key, sum(refund_amount) as refund_amount
  from {{ ref('int_refunds') }} where not is_excluded group by 1, 2
)
select
  o.tenant_id,
  o.order_key,
  coalesce(c.person_key, case when {{ norm_email('o.customer_email') }} is not null
                              then 'email:' || {{ norm_email('o.customer_email') }} end) as person_key,
  o.source_system,
  o.channel,
  o.order_date,
  o.ordered_at,
  o.currency,
  o.reporting_currency,
  o.units,
  cast(o.gross_amount - o.discount_amount - coalesce(r.refund_amount, 0) as decimal(18, 2)) as net_amount,
  cast((o.gross_amount - o.discount_amount - coalesce(r.refund_amount, 0))
       * {{ fx_rate('o.currency', 'o.reporting_currency') }} as decimal(18, 2)) as net_reporting
from orders o
left join refunds r on r.tenant_id = o.tenant_id and r.order_key = o.order_key
left join {{ ref('int_customers') }} c
  on c.tenant_id = o.tenant_id and c.source_system = o.source_system
 and c.source_customer_id = o.source_customer_id
left join {{ fx_ranges() }} fx_from on {{ fx_match('fx_from', 'o.currency', 'o.order_date') }}
left join {{ fx_ranges() }} fx_to on {{ fx_match('fx_to', 'o.reporting_currency', 'o.order_date') }}
