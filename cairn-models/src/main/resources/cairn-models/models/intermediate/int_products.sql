{#-
  Product matching across sources: one row per source product record (Shopify variant, QuickBooks item, inventory
  SKU). product_key is 'sku:<SKU>' when the record has a SKU (rule 'sku'); without one, the product_key of a record
  with a SKU and the same normalized name (rule 'name'); else 'name:<normalized name>' (rule 'single').
-#}
with variants as (
  {{ cairn_json_rows(ref('stg_shopify__products'), 'tenant_id, title as product_title, vendor, product_type, '
                     ~ 'is_deleted', 'variants', 'v') }}
),
records as (
  select tenant_id, 'shopify' as source_system, {{ jtext('id', 'v') }} as source_product_id,
         nullif(upper(trim({{ jtext('sku', 'v') }})), '') as sku,
         product_title || case when coalesce({{ jtext('title', 'v') }}, 'Default Title') = 'Default Title'
                               then '' else ' - ' || {{ jtext('title', 'v') }} end as product_name,
         vendor, product_type,
         {{ jdecimal('price', 4, 'v') }} as unit_price,
         cast(null as decimal(18, 4)) as unit_cost,
         {{ jtext('inventory_item_id', 'v') }} as inventory_item_id,
         is_deleted
  from variants
  union all
  select tenant_id, 'quickbooks', item_id, upper(sku), item_name, cast(null as {{ cairn_string() }}), item_type, unit_price,
         unit_cost, cast(null as {{ cairn_string() }}), is_deleted or not is_active
  from {{ ref('stg_quickbooks__items') }}
  where item_type in ('Inventory', 'NonInventory', 'Service') or item_type is null
  union all
  select tenant_id, 'inventory', sku, sku, {{ cairn_latest_value('product_name', 'snapshot_date') }}, null, null, null,
         {{ cairn_latest_value('unit_cost', 'snapshot_date') }}, null, false
  from {{ ref('stg_inventory__snapshots') }}
  where sku is not null
  group by tenant_id, sku
),
normalized as (
  select *, {{ norm_text('product_name') }} as name_norm from records
),
named_skus as (
  select tenant_id, name_norm, min(sku) as sku
  from normalized where sku is not null and name_norm is not null group by 1, 2
)
select
  n.tenant_id,
  n.source_system || ':' || n.source_product_id as product_record_key,
  n.source_system,
  n.source_product_id,
  n.sku,
  n.product_name,
  n.name_norm,
  n.vendor,
  n.product_type,
  n.unit_price,
  n.unit_cost,
  n.inventory_item_id,
  n.is_deleted,
  case when n.sku is not null then 'sku:' || n.sku
       when s.sku is not null then 'sku:' || s.sku
       else 'name:' || coalesce(n.name_norm, n.source_system || ':' || n.source_product_id) end as product_key,
  case when n.sku is not null then 'sku' when s.sku is not null then 'name' else 'single' end as match_rule
from normalized n
left join named_skus s on s.tenant_id = n.tenant_id and s.name_norm = n.name_norm and n.sku is null
