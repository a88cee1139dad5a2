{%- set mapped = ['transaction_id', 'store_id', 'store_name', 'register_id', 'cashier', 'occurred_at', 'updated_at',
    'currency', 'status', 'items', 'subtotal', 'discount_total', 'tax_total', 'total', 'payment_method',
    'loyalty_email'] -%}
with versions as (
  {{ latest_versions('pos', 'transactions') }}
)
select
  {{ envelope_columns() }},
  source_record_id as transaction_id,
  {{ jtext('store_id') }} as store_id,
  {{ jtext('store_name') }} as store_name,
  {{ jtext('register_id') }} as register_id,
  {{ jtext('cashier') }} as cashier,
  {{ jtimestamp('occurred_at') }} as occurred_at,
  {{ jtimestamp('updated_at') }} as updated_at,
  {{ currency_code(jtext('currency')) }} as currency,
  {{ jtext('status') }} as transaction_status,
  {{ jtext('status') }} = 'voided' as is_voided,
  {{ jdecimal('subtotal') }} as subtotal_amount,
  {{ jdecimal('discount_total') }} as discount_amount,
  {{ jdecimal('tax_total') }} as tax_amount,
  {{ jdecimal('total') }} as total_amount,
  {{ jtext('payment_method') }} as payment_method,
  lower(trim({{ jtext('loyalty_email') }})) as loyalty_email,
  {{ jjson('items') }} as items,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
