{%- set mapped = ['id', 'order_id', 'created_at', 'processed_at', 'note', 'restock', 'user_id', 'refund_line_items',
    'transactions', 'order_adjustments'] -%}
with versions as (
  {{ latest_versions('shopify', 'refunds') }}
)
select
  {{ envelope_columns() }},
  source_record_id as refund_id,
  {{ jtext('order_id') }} as order_id,
  {{ jtimestamp('created_at') }} as created_at,
  {{ jtimestamp('processed_at') }} as processed_at,
  {{ jtext('note') }} as note,
  {{ jbool('restock') }} as is_restock,
  {{ jtext('user_id') }} as user_id,
  {{ currency_code(jtext('transactions[0].currency')) }} as currency,
  {#- Older API versions omit refund_line_items[].subtotal: quantity times the line's price then. -#}
  cast(coalesce({{ cairn_json_array_sum(jjson('refund_line_items'), 'r',
      'coalesce(' ~ jdecimal('subtotal', 2, 'r') ~ ', ' ~ jint('quantity', 'r') ~ ' * '
      ~ jdecimal('line_item.price', 4, 'r') ~ ')') }}, 0) as decimal(18, 2)) as refund_amount,
  cast(coalesce({{ cairn_json_array_sum(jjson('refund_line_items'), 'r', jdecimal('total_tax', 2, 'r')) }}, 0)
    as decimal(18, 2)) as refund_tax_amount,
  coalesce({{ cairn_json_array_sum(jjson('refund_line_items'), 'r', jint('quantity', 'r')) }}, 0) as refunded_units,
  {{ jjson('refund_line_items') }} as refund_line_items,
  {{ jjson('transactions') }} as transactions,
  {{ jjson('order_adjustments') }} as order_adjustments,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
