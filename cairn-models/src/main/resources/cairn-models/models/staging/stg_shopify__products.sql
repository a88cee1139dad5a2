{%- set mapped = ['id', 'title', 'handle', 'vendor', 'product_type', 'status', 'tags', 'body_html', 'created_at',
    'updated_at', 'published_at', 'variants', 'options', 'images'] -%}
with versions as (
  {{ latest_versions('shopify', 'products') }}
)
select
  {{ envelope_columns() }},
  source_record_id as product_id,
  {{ jtext('title') }} as title,
  {{ jtext('handle') }} as handle,
  {{ jtext('vendor') }} as vendor,
  {{ jtext('product_type') }} as product_type,
  {{ jtext('status') }} as product_status,
  {{ jtext('tags') }} as tags,
  {{ jtext('body_html') }} as body_html,
  {{ jtimestamp('created_at') }} as created_at,
  {{ jtimestamp('updated_at') }} as updated_at,
  {{ jtimestamp('published_at') }} as published_at,
  {{ jjson('variants') }} as variants,
  {{ jjson('options') }} as options,
  {{ jjson('images') }} as images,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
