{{ config(materialized='table') }}
{#-
  Inventory KPIs per (tenant, snapshot date, location) from the inventory system's snapshots:
    stock_on_hand      units on hand
    available_units    on hand - reserved
    out_of_stock_rate  SKUs with nothing available / SKUs in the snapshot
    below_reorder_skus SKUs with available units at or under their reorder point
    days_of_cover      available units / average units sold per day over the tenant's trailing
                       var('cairn_cover_days', 14) days (all channels, all locations)
-#}
{%- set cover_days = var('cairn_cover_days', 14) -%}
with snapshots as (
  select * from {{ ref('stg_inventory__snapshots') }} where not is_deleted and sku is not null
),
daily_units as (
  select l.tenant_id, o.order_date, sum(l.quantity) as units
  from {{ ref('int_order_lines') }} l
  join {{ ref('int_orders') }} o on o.tenant_id = l.tenant_id and o.order_key = l.order_key
  where not o.is_cancelled
  group by 1, 2
),
per_location as (
  select tenant_id, snapshot_date, location_id,
         count(*) as skus,
         sum(on_hand_quantity) as stock_on_hand,
         sum(greatest(on_hand_quantity - coalesce(reserved_quantity, 0), 0)) as available_units,
         count(*) filter (where on_hand_quantity - coalesce(reserved_quantity, 0) <= 0) as out_of_stock_skus,
         count(*) filter (where on_hand_quantity - coalesce(reserved_quantity, 0) <= reorder_point_quantity)
           as below_reorder_skus,
         cast(sum(on_hand_quantity * unit_cost) as decimal(18, 2)) as stock_value
  from snapshots
  group by 1, 2, 3
),
demand as (
  select p.tenant_id, p.snapshot_date, p.location_id,
         {{ cairn_fdiv('coalesce(sum(d.units), 0)', cover_days ~ '.0') }} as average_daily_units
  from per_location p
  left join daily_units d
    on d.tenant_id = p.tenant_id and d.order_date > {{ cairn_date_add('p.snapshot_date', -cover_days, 'day') }}
   and d.order_date <= p.snapshot_date
  group by 1, 2, 3
)
select
  p.*,
  {{ cairn_decimal_from_double(cairn_fdiv('p.out_of_stock_skus', 'p.skus'), 9, 6) }} as out_of_stock_rate,
  {{ cairn_decimal_from_double('d.average_daily_units', 18, 4) }} as average_daily_units,
  {{ cairn_decimal_from_double(cairn_fdiv('p.available_units', 'nullif(d.average_daily_units, 0)'), 18, 2) }}
    as days_of_cover
from per_location p
join demand d on d.tenant_id = p.tenant_id and d.snapshot_date = p.snapshot_date and d.location_id = p.location_id
