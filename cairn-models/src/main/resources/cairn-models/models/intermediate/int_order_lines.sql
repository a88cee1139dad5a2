{#- One row per sold line across Shopify orders, e-commerce orders, POS transactions and QuickBooks sales
    receipts (SalesItemLineDetail lines only). gross = quantity * unit price. -#}
with shopify as (
  {{ cairn_json_rows(ref('stg_shopify__orders'), "tenant_id, 'shopify' as source_system, order_id, ingested_at",
                     'line_items', 'line', 'line_number') }}
),
shopify_lines as (
  select tenant_id, source_system, order_id, line_number,
         {{ jtext('id', 'line') }} as source_line_id,
         nullif(upper(trim({{ jtext('sku', 'line') }})), '') as sku,
         coalesce({{ jtext('name', 'line') }}, {{ jtext('title', 'line') }}) as product_name,
         {{ jtext('product_id', 'line') }} as source_product_id,
         {{ jtext('variant_id', 'line') }} as source_variant_id,
         {{ jint('quantity', 'line') }} as quantity,
         {{ jdecimal('price', 4, 'line') }} as unit_price,
         coalesce({{ cairn_json_array_sum(jjson('discount_allocations', 'line'), 'd', jdecimal('amount', 2, 'd')) }},
                  0) as discount_amount,
         coalesce({{ cairn_json_array_sum(jjson('tax_lines', 'line'), 't', jdecimal('price', 2, 't')) }}, 0)
           as tax_amount
  from shopify
),
ecommerce as (
  {{ cairn_json_rows(ref('stg_ecommerce__orders'), "tenant_id, 'ecommerce' as source_system, order_id", 'items',
                     'line', 'line_number') }}
),
ecommerce_lines as (
  select tenant_id, source_system, order_id, line_number,
         cast(null as {{ cairn_string() }}) as source_line_id,
         nullif(upper(trim({{ jtext('sku', 'line') }})), '') as sku,
         {{ jtext('title', 'line') }} as product_name,
         cast(null as {{ cairn_string() }}) as source_product_id,
         cast(null as {{ cairn_string() }}) as source_variant_id,
         {{ jint('quantity', 'line') }} as quantity,
         {{ jdecimal('unit_price', 4, 'line') }} as unit_price,
         cast(0 as decimal(18, 2)) as discount_amount,
         cast(null as decimal(18, 2)) as tax_amount
  from ecommerce
),
pos as (
  {{ cairn_json_rows(ref('stg_pos__transactions'), "tenant_id, 'pos' as source_system, transaction_id as order_id",
                     'items', 'line', 'line_number') }}
),
pos_lines as (
  select tenant_id, source_system, order_id, line_number,
         cast(null as {{ cairn_string() }}) as source_line_id,
         nullif(upper(trim({{ jtext('sku', 'line') }})), '') as sku,
         {{ jtext('name', 'line') }} as product_name,
         cast(null as {{ cairn_string() }}) as source_product_id,
         cast(null as {{ cairn_string() }}) as source_variant_id,
         {{ jint('quantity', 'line') }} as quantity,
         {{ jdecimal('unit_price', 4, 'line') }} as unit_price,
         coalesce({{ jdecimal('discount', 2, 'line') }}, 0) as discount_amount,
         coalesce({{ jdecimal('tax', 2, 'line') }}, 0) as tax_amount
  from pos
),
receipts as (
  {{ cairn_json_rows(ref('stg_quickbooks__sales_receipts'),
                     "tenant_id, 'quickbooks' as source_system, sales_receipt_id as order_id", 'lines', 'line',
                     'line_number') }}
),
receipt_lines as (
  select tenant_id, source_system, order_id, line_number,
         {{ jtext('Id', 'line') }} as source_line_id,
         cast(null as {{ cairn_string() }}) as sku,
         coalesce({{ jtext('SalesItemLineDetail.ItemRef.name', 'line') }},
                  {{ jtext('Description', 'line') }}) as product_name,
         {{ jtext('SalesItemLineDetail.ItemRef.value', 'line') }} as source_product_id,
         cast(null as {{ cairn_string() }}) as source_variant_id,
         {{ jint('SalesItemLineDetail.Qty', 'line') }} as quantity,
         {{ jdecimal('SalesItemLineDetail.UnitPrice', 4, 'line') }} as unit_price,
         cast(0 as decimal(18, 2)) as discount_amount,
         cast(null as decimal(18, 2)) as tax_amount
  from receipts
  where {{ jtext('DetailType', 'line') }} = 'SalesItemLineDetail'
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
