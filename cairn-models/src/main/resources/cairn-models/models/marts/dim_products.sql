{{ config(materialized='table') }}
{#- One row per matched product (product_key): the best name (Shopify first, then QuickBooks, then inventory),
    price and cost, and which sources know it. -#}
select
  tenant_id,
  product_key,
  max(sku) as sku,
  {{ cairn_arg_min('product_name', "case source_system when 'shopify' then 1 when 'quickbooks' then 2 else 3 end") }}
    as product_name,
  max(vendor) as vendor,
  max(product_type) as product_type,
  {{ cairn_arg_min('unit_price', "case when unit_price is null then 9 when source_system = 'shopify' then 1 else 2 end") }}
    as unit_price,
  {{ cairn_arg_min('unit_cost', "case when unit_cost is null then 9 when source_system = 'quickbooks' then 1 else 2 end") }}
    as unit_cost,
  {{ cairn_list_distinct('source_system') }} as source_systems,
  count(*) as source_records,
  min(case match_rule when 'sku' then 1 when 'name' then 2 else 3 end) = 1 as has_sku,
  bool_and(is_deleted) as is_deleted
from {{ ref('int_products') }}
group by tenant_id, product_key
