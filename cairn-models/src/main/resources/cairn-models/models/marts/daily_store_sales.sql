{{ config(materialized='table') }}
{#- Point-of-sale sales per (tenant, local date, store), voided transactions excluded. -#}
select
  o.tenant_id,
  o.order_date as sales_date,
  o.store_id,
  {{ cairn_any_value('p.store_name') }} as store_name,
  o.currency,
  count(*) as transactions,
  sum(o.units) as units,
  cast(sum(o.gross_amount) as decimal(18, 2)) as gross,
  cast(sum(o.discount_amount) as decimal(18, 2)) as discounts,
  cast(sum(o.tax_amount) as decimal(18, 2)) as taxes,
  cast(sum(o.gross_amount - o.discount_amount) as decimal(18, 2)) as net,
  {{ cairn_decimal_from_double(cairn_fdiv('sum(o.gross_amount - o.discount_amount)', 'count(*)'), 18, 2) }}
    as average_basket,
  {{ cairn_decimal_from_double(cairn_fdiv('sum(o.units)', 'count(*)'), 18, 2) }} as units_per_transaction
from {{ ref('int_orders') }} o
left join {{ ref('stg_pos__transactions') }} p on p.tenant_id = o.tenant_id and p.transaction_id = o.order_id
where o.source_system = 'pos' and not o.is_cancelled
group by o.tenant_id, o.order_date, o.store_id, o.currency
