{#- Inventory system CSV snapshots: one row per (snapshot_date, location_id, sku), values as text. -#}
{%- set mapped = ['snapshot_date', 'location_id', 'sku', 'product_name', 'on_hand', 'reserved', 'reorder_point',
    'unit_cost'] -%}
with versions as (
  {{ latest_versions('inventory', 'snapshots') }}
)
select
  {{ envelope_columns() }},
  source_record_id as snapshot_id,
  {{ cairn_try_cast(jtext('snapshot_date'), 'date') }} as snapshot_date,
  nullif(trim({{ jtext('location_id') }}), '') as location_id,
  nullif(upper(trim({{ jtext('sku') }})), '') as sku,
  nullif(trim({{ jtext('product_name') }}), '') as product_name,
  {{ cairn_try_cast(jtext('on_hand'), 'bigint') }} as on_hand_quantity,
  {{ cairn_try_cast(jtext('reserved'), 'bigint') }} as reserved_quantity,
  {{ cairn_try_cast(jtext('reorder_point'), 'bigint') }} as reorder_point_quantity,
  {{ cairn_try_cast(jtext('unit_cost'), 'decimal(18, 4)') }} as unit_cost,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
