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
  {{ currency_code("json_extract_string(payload, '$.transactions[0].currency')") }} as currency,
  {#- Older API versions omit refund_line_items[].subtotal: quantity times the line's price then. -#}
  cast(coalesce(list_sum(list_transform(cast(coalesce({{ jjson('refund_line_items') }}, '[]') as json[]),
      lambda r: coalesce(cast(json_extract_string(r, '$.subtotal') as decimal(18, 2)),
                         cast(json_extract_string(r, '$.quantity') as bigint)
                           * cast(json_extract_string(r, '$.line_item.price') as decimal(18, 4))))), 0)
    as decimal(18, 2)) as refund_amount,
  cast(coalesce(list_sum(list_transform(cast(coalesce({{ jjson('refund_line_items') }}, '[]') as json[]),
      lambda r: cast(json_extract_string(r, '$.total_tax') as decimal(18, 2)))), 0) as decimal(18, 2))
    as refund_tax_amount,
  coalesce(list_sum(list_transform(cast(coalesce({{ jjson('refund_line_items') }}, '[]') as json[]),
      lambda r: cast(json_extract_string(r, '$.quantity') as bigint))), 0) as refunded_units,
  {{ jjson('refund_line_items') }} as refund_line_items,
  {{ jjson('transactions') }} as transactions,
  {{ jjson('order_adjustments') }} as order_adjustments,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
