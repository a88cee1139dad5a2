{%- set mapped = ['inventory_item_id', 'location_id', 'available', 'updated_at'] -%}
with versions as (
  {{ latest_versions('shopify', 'inventory_levels') }}
)
select
  {{ envelope_columns() }},
  source_record_id as inventory_level_id,
  {{ jtext('inventory_item_id') }} as inventory_item_id,
  {{ jtext('location_id') }} as location_id,
  {{ jint('available') }} as available_quantity,
  {{ jtimestamp('updated_at') }} as updated_at,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
