{#- Refunds across sources (Shopify today), on the refund's own local date, in the order's currency. A refund of
    an order that is cancelled in its final version does not count. -#}
select
  r.tenant_id,
  'shopify:' || r.refund_id as refund_key,
  r.refund_id,
  'shopify:' || r.order_id as order_key,
  'shopify' as source_system,
  {{ channel_of("'shopify'") }} as channel,
  r.created_at as refunded_at,
  {{ local_date('r.created_at') }} as refund_date,
  coalesce(r.currency, o.currency) as currency,
  r.refund_amount,
  r.refund_tax_amount,
  r.refunded_units,
  coalesce(o.is_cancelled, false) or r.is_deleted as is_excluded,
  r.ingested_at
from {{ ref('stg_shopify__refunds') }} r
left join {{ ref('int_orders') }} o on o.tenant_id = r.tenant_id and o.order_key = 'shopify:' || r.order_id
left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = r.tenant_id
