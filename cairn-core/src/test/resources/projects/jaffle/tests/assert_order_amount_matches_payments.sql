-- every order's amount equals the sum of its payments
with paid as (
    select order_id, sum(amount) as paid from {{ ref('stg_payments') }} group by order_id
)
select o.order_id, o.amount, p.paid
from {{ ref('orders') }} o
left join paid p using (order_id)
where o.amount <> coalesce(p.paid, 0)
