with orders as (
    select * from {{ ref('stg_orders') }}
)
select
    '{{ var("tenant") }}' as tenant_id,
    orders.order_id,
    orders.customer_id,
    orders.order_date,
    orders.status,
    {% for method in var('payment_methods') -%}
    coalesce(p.{{ method }}_amount, 0) as {{ method }}_amount,
    {% endfor -%}
    coalesce(p.total_amount, 0) as amount
from orders
left join {{ ref('int_order_payments') }} p using (order_id)
