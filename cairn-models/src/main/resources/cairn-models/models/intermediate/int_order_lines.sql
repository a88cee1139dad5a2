{#- One row per sold line across Shopify orders, e-commerce orders, POS transactions and QuickBooks sales
    receipts (SalesItemLineDetail lines only). gross = quantity * unit price. -#}
with shopify as (
  select tenant_id, 'shopify' as source_system, order_id, ingested_at,
         unnest(cast(coalesce(line_items, '[]') as json[])) as line,
         generate_subscripts(cast(coalesce(line_items, '[]') as json[]), 1) as line_number
  from {{ ref('stg_shopify__orders') }}
),
shopify_lines as (
  select tenant_id, source_system, order_id, line_number,
         json_extract_string(line, '$.id') as source_line_id,
         nullif(upper(trim(json_extract_string(line, '$.sku'))), '') as sku,
         coalesce(json_extract_string(line, '$.name'), json_extract_string(line, '$.title')) as product_name,
         json_extract_string(line, '$.product_id') as source_product_id,
         json_extract_string(line, '$.variant_id') as source_variant_id,
         cast(json_extract_string(line, '$.quantity') as bigint) as quantity,
         cast(json_extract_string(line, '$.price') as decimal(18, 4)) as unit_price,
         coalesce(list_sum(list_transform(
             cast(coalesce(json_extract(line, '$.discount_allocations'), '[]') as json[]),
             lambda d: cast(json_extract_string(d, '$.amount') as decimal(18, 2)))), 0) as discount_amount,
         coalesce(list_sum(list_transform(cast(coalesce(json_extract(line, '$.tax_lines'), '[]') as json[]),
             lambda t: cast(json_extract_string(t, '$.price') as decimal(18, 2)))), 0) as tax_amount
  from shopify
),
ecommerce as (
  select tenant_id, 'ecommerce' as source_system, order_id,
         unnest(cast(coalesce(items, '[]') as json[])) as line,
         generate_subscripts(cast(coalesce(items, '[]') as json[]), 1) as line_number
  from {{ ref('stg_ecommerce__orders') }}
),
ecommerce_lines as (
  select tenant_id, source_system, order_id, line_number,
         cast(null as varchar) as source_line_id,
         nullif(upper(trim(json_extract_string(line, '$.sku'))), '') as sku,
         json_extract_string(line, '$.title') as product_name,
         cast(null as varchar) as source_product_id,
         cast(null as varchar) as source_variant_id,
         cast(json_extract_string(line, '$.quantity') as bigint) as quantity,
         cast(json_extract_string(line, '$.unit_price') as decimal(18, 4)) as unit_price,
         cast(0 as decimal(18, 2)) as discount_amount,
         cast(null as decimal(18, 2)) as tax_amount
  from ecommerce
),
pos as (
  select tenant_id, 'pos' as source_system, transaction_id as order_id,
         unnest(cast(coalesce(items, '[]') as json[])) as line,
         generate_subscripts(cast(coalesce(items, '[]') as json[]), 1) as line_number
  from {{ ref('stg_pos__transactions') }}
),
pos_lines as (
  select tenant_id, source_system, order_id, line_number,
         cast(null as varchar) as source_line_id,
         nullif(upper(trim(json_extract_string(line, '$.sku'))), '') as sku,
         json_extract_string(line, '$.name') as product_name,
         cast(null as varchar) as source_product_id,
         cast(null as varchar) as source_variant_id,
         cast(json_extract_string(line, '$.quantity') as bigint) as quantity,
         cast(json_extract_string(line, '$.unit_price') as decimal(18, 4)) as unit_price,
         coalesce(cast(json_extract_string(line, '$.discount') as decimal(18, 2)), 0) as discount_amount,
         coalesce(cast(json_extract_string(line, '$.tax') as decimal(18, 2)), 0) as tax_amount
  from pos
),
receipts as (
  select tenant_id, 'quickbooks' as source_system, sales_receipt_id as order_id,
         unnest(cast(coalesce(lines, '[]') as json[])) as line,
         generate_subscripts(cast(coalesce(lines, '[]') as json[]), 1) as line_number
  from {{ ref('stg_quickbooks__sales_receipts') }}
),
receipt_lines as (
  select tenant_id, source_system, order_id, line_number,
         json_extract_string(line, '$.Id') as source_line_id,
         cast(null as varchar) as sku,
         coalesce(json_extract_string(line, '$.SalesItemLineDetail.ItemRef.name'),
                  json_extract_string(line, '$.Description')) as product_name,
         json_extract_string(line, '$.SalesItemLineDetail.ItemRef.value') as source_product_id,
         cast(null as varchar) as source_variant_id,
         cast(json_extract_string(line, '$.SalesItemLineDetail.Qty') as bigint) as quantity,
         cast(json_extract_string(line, '$.SalesItemLineDetail.UnitPrice') as decimal(18, 4)) as unit_price,
         cast(0 as decimal(18, 2)) as discount_amount,
         cast(null as decimal(18, 2)) as tax_amount
  from receipts
  where json_extract_string(line, '$.DetailType') = 'SalesItemLineDetail'
),
unioned as (
  select * from shopify_lines
  union all select * from ecommerce_lines
  union all select * from pos_lines
  union all select * from receipt_lines
)
select
  tenant_id,
  source_system || ':' || order_id || ':' || line_number as order_line_key,
  source_system || ':' || order_id as order_key,
  source_system,
  {{ channel_of('source_system') }} as channel,
  order_id,
  line_number,
  source_line_id,
  sku,
  product_name,
  source_product_id,
  source_variant_id,
  coalesce(quantity, 0) as quantity,
  unit_price,
  cast(coalesce(quantity, 0) * coalesce(unit_price, 0) as decimal(18, 2)) as gross_amount,
  cast(discount_amount as decimal(18, 2)) as discount_amount,
  cast(tax_amount as decimal(18, 2)) as tax_amount
from unioned
