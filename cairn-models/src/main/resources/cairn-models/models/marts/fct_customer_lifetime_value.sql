{{ config(materialized='table') }}
{#-
  Customer lifetime value per resolved person, in the tenant's reporting currency:
    historical_value  = net revenue to date (after discounts and refunds)
    average_order_value = historical_value / orders
    purchase_frequency  = orders per year of observed tenure (tenure = first order to the tenant's newest order
                          date, at least var('cairn_clv_min_tenure_days', 30) days)
    predicted_value   = average_order_value * purchase_frequency * var('cairn_clv_horizon_years', 3)
  A simple, explainable heuristic; orders in a currency without an FX rate are left out of the amounts.
-#}
{%- set min_tenure = var('cairn_clv_min_tenure_days', 30) -%}
{%- set horizon = var('cairn_clv_horizon_years', 3) -%}
{%- set tenure = 'greatest(' ~ cairn_date_diff('day', 'p.first_order_date', 't.as_of_date') ~ ', ' ~ min_tenure ~ ')' -%}
{%- set average_order = cairn_fdiv('p.historical_value', 'p.orders') -%}
{%- set frequency = cairn_fdiv('p.orders * 365.0', tenure) -%}
with orders as (
  select * from {{ ref('int_customer_orders') }} where person_key is not null
),
tenant_end as (
  select tenant_id, max(order_date) as as_of_date from orders group by 1
),
per_person as (
  select o.tenant_id, o.person_key, {{ cairn_any_value('o.reporting_currency') }} as reporting_currency,
         count(*) as orders, min(o.order_date) as first_order_date, max(o.order_date) as last_order_date,
         cast(coalesce(sum(o.net_reporting), 0) as decimal(18, 2)) as historical_value
  from orders o group by 1, 2
)
select
  p.tenant_id,
  p.person_key,
  p.reporting_currency,
  p.orders,
  p.first_order_date,
  p.last_order_date,
  t.as_of_date,
  {{ tenure }} as tenure_days,
  p.historical_value,
  {{ cairn_decimal_from_double(average_order, 18, 2) }} as average_order_value,
  {{ cairn_decimal_from_double(frequency, 18, 4) }} as purchase_frequency,
  {{ cairn_decimal_from_double(average_order ~ ' * (' ~ frequency ~ ') * ' ~ horizon, 18, 2) }} as predicted_value
from per_person p
join tenant_end t on t.tenant_id = p.tenant_id
