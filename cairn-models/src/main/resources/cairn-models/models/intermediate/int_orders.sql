{#- One row per order-like record across sources, final version, cancelled and deleted ones included and
    flagged (marts exclude them; incremental marts use them to find the dates a change touched). -#}
with lines as (
  select tenant_id, order_key, count(*) as line_count, sum(quantity) as units, sum(gross_amount) as gross_amount,
         sum(discount_amount) as line_discount_amount, sum(tax_amount) as line_tax_amount
  from {{ ref('int_order_lines') }}
  group by 1, 2
),
headers as (
  select tenant_id, 'shopify' as source_system, order_id, order_name as order_number,
         email as customer_email, customer_id as source_customer_id, cast(null as {{ cairn_string() }}) as customer_name,
         cast(null as {{ cairn_string() }}) as customer_phone, created_at as ordered_at, cast(null as date) as source_order_date,
         currency, is_cancelled or is_deleted as is_cancelled, financial_status as order_status,
         discount_amount, tax_amount, shipping_amount, total_amount,
         cast(null as {{ cairn_string() }}) as store_id, source_name as sub_channel, ingested_at, source_updated_at
  from {{ ref('stg_shopify__orders') }}
  union all
  select tenant_id, 'ecommerce', order_id, order_number, customer_email, cast(null as {{ cairn_string() }}), customer_name,
         customer_phone, created_at, cast(null as date), currency, is_cancelled or is_deleted, order_status,
         discount_amount, tax_amount, shipping_amount, total_amount, cast(null as {{ cairn_string() }}), marketplace,
         ingested_at, source_updated_at
  from {{ ref('stg_ecommerce__orders') }}
  union all
  select tenant_id, 'pos', transaction_id, transaction_id, loyalty_email, cast(null as {{ cairn_string() }}),
         cast(null as {{ cairn_string() }}), cast(null as {{ cairn_string() }}), occurred_at, cast(null as date), currency,
         is_voided or is_deleted, transaction_status, cast(null as decimal(18, 2)), cast(null as decimal(18, 2)),
         cast(0 as decimal(18, 2)), total_amount, store_id, register_id, ingested_at, source_updated_at
  from {{ ref('stg_pos__transactions') }}
  union all
  select tenant_id, 'quickbooks', sales_receipt_id, doc_number, bill_email, customer_id, customer_name,
         cast(null as {{ cairn_string() }}), created_at, txn_date, currency, is_deleted, 'paid', cast(0 as decimal(18, 2)),
         tax_amount, cast(0 as decimal(18, 2)), total_amount, cast(null as {{ cairn_string() }}), payment_method,
         ingested_at, source_updated_at
  from {{ ref('stg_quickbooks__sales_receipts') }}
)
select
  h.tenant_id,
  h.source_system || ':' || h.order_id as order_key,
  h.source_system,
  {{ channel_of('h.source_system') }} as channel,
  h.sub_channel,
  h.order_id,
  h.order_number,
  h.customer_email,
  h.source_customer_id,
  h.customer_name,
  h.customer_phone,
  h.store_id,
  h.ordered_at,
  {#- QuickBooks documents carry their own local TxnDate; the others are instants in the tenant's zone. -#}
  coalesce(h.source_order_date, {{ local_date('h.ordered_at') }}) as order_date,
  h.currency,
  h.is_cancelled,
  h.order_status,
  coalesce(l.line_count, 0) as line_count,
  coalesce(l.units, 0) as units,
  coalesce(l.gross_amount, 0) as gross_amount,
  cast(coalesce(h.discount_amount, l.line_discount_amount, 0) as decimal(18, 2)) as discount_amount,
  cast(coalesce(h.tax_amount, l.line_tax_amount, 0) as decimal(18, 2)) as tax_amount,
  h.shipping_amount,
  h.total_amount,
  h.ingested_at,
  h.source_updated_at
from headers h
left join lines l on l.tenant_id = h.tenant_id and l.order_key = h.source_system || ':' || h.order_id
left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = h.tenant_id
