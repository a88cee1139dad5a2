{%- set mapped = ['order_id', 'order_number', 'channel', 'marketplace', 'status', 'customer', 'shipping_address',
    'items', 'amounts', 'currency', 'created_at', 'updated_at'] -%}
with versions as (
  {{ latest_versions('ecommerce', 'orders') }}
)
select
  {{ envelope_columns() }},
  source_record_id as order_id,
  {{ jtext('order_number') }} as order_number,
  {{ jtext('channel') }} as sales_channel,
  {{ jtext('marketplace') }} as marketplace,
  {{ jtext('status') }} as order_status,
  {{ jtext('status') }} = 'cancelled' as is_cancelled,
  lower(trim({{ jtext('customer.email') }})) as customer_email,
  {{ jtext('customer.name') }} as customer_name,
  {{ jtext('customer.phone') }} as customer_phone,
  {{ jtext('shipping_address.line1') }} as shipping_address_line1,
  {{ jtext('shipping_address.city') }} as shipping_city,
  {{ jtext('shipping_address.region') }} as shipping_region,
  {{ jtext('shipping_address.postal_code') }} as shipping_postal_code,
  {{ jtext('shipping_address.country') }} as shipping_country_code,
  {{ jdecimal('amounts.subtotal') }} as subtotal_amount,
  coalesce({{ jdecimal('amounts.discount') }}, 0) as discount_amount,
  coalesce({{ jdecimal('amounts.shipping') }}, 0) as shipping_amount,
  coalesce({{ jdecimal('amounts.tax') }}, 0) as tax_amount,
  {{ jdecimal('amounts.total') }} as total_amount,
  {{ currency_code(jtext('currency')) }} as currency,
  {{ jtimestamp('created_at') }} as created_at,
  {{ jtimestamp('updated_at') }} as updated_at,
  {{ jjson('items') }} as items,
  {{ jjson('customer') }} as customer,
  {{ jjson('shipping_address') }} as shipping_address,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
