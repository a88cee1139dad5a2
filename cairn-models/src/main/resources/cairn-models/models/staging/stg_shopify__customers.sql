{%- set mapped = ['id', 'email', 'phone', 'first_name', 'last_name', 'state', 'accepts_marketing', 'verified_email',
    'tax_exempt', 'tags', 'note', 'currency', 'orders_count', 'total_spent', 'created_at', 'updated_at',
    'default_address', 'addresses'] -%}
with versions as (
  {{ latest_versions('shopify', 'customers') }}
)
select
  {{ envelope_columns() }},
  source_record_id as customer_id,
  lower(trim({{ jtext('email') }})) as email,
  coalesce({{ jtext('phone') }}, {{ jtext('default_address.phone') }}) as phone,
  {{ jtext('first_name') }} as first_name,
  {{ jtext('last_name') }} as last_name,
  {{ jtext('state') }} as account_state,
  {{ jbool('accepts_marketing') }} as accepts_marketing,
  {{ jbool('verified_email') }} as verified_email,
  {{ jbool('tax_exempt') }} as tax_exempt,
  {{ jtext('tags') }} as tags,
  {{ jtext('note') }} as note,
  {{ currency_code(jtext('currency')) }} as currency,
  {{ jint('orders_count') }} as orders_count,
  {{ jdecimal('total_spent') }} as total_spent_amount,
  {{ jtimestamp('created_at') }} as created_at,
  {{ jtimestamp('updated_at') }} as updated_at,
  {{ jtext('default_address.address1') }} as address_line1,
  {{ jtext('default_address.city') }} as city,
  {{ jtext('default_address.province_code') }} as region_code,
  {{ jtext('default_address.zip') }} as postal_code,
  {{ jtext('default_address.country_code') }} as country_code,
  {{ jjson('default_address') }} as default_address,
  {{ jjson('addresses') }} as addresses,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
