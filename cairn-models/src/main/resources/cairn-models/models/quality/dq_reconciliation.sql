{#-
  Reconciliation, per tenant and day (sales) or month (expenses), currency and metric: the mart's totals against
  totals computed straight from the intermediate layer by another path (sales gross from the order lines, orders
  counted from int_orders, refunds from int_refunds; expenses from int_finance_transactions, converted like the
  mart). A row whose |difference| exceeds var('cairn_dq_reconcile_tolerance') breaks the check. Catches facts that
  drifted from their inputs: an incremental batch that missed a change, a partial load, a hand edit.
-#}
{%- set tolerance = var('cairn_dq_reconcile_tolerance') %}
with included_orders as (
  select tenant_id, order_key, order_date, currency, discount_amount
  from {{ ref('int_orders') }}
  where not is_cancelled
),
line_gross as (
  select o.tenant_id, o.order_date, o.currency, sum(l.gross_amount) as gross
  from {{ ref('int_order_lines') }} l
  join included_orders o on o.tenant_id = l.tenant_id and o.order_key = l.order_key
  group by 1, 2, 3
),
order_counts as (
  select tenant_id, order_date, currency, count(*) as orders, sum(discount_amount) as discounts
  from included_orders
  group by 1, 2, 3
),
refunds as (
  select tenant_id, refund_date as order_date, currency, sum(refund_amount) as refunds
  from {{ ref('int_refunds') }}
  where not is_excluded
  group by 1, 2, 3
),
sales_keys as (
  select tenant_id, order_date, currency from order_counts
  union
  select tenant_id, order_date, currency from refunds
),
sales_expected as (
  select k.tenant_id, k.order_date as period, k.currency,
         cast(coalesce(c.orders, 0) as decimal(20, 4)) as orders,
         cast(coalesce(g.gross, 0) as decimal(18, 2)) as gross,
         cast(coalesce(g.gross, 0) - coalesce(c.discounts, 0) - coalesce(r.refunds, 0) as decimal(18, 2)) as net
  from sales_keys k
  left join order_counts c on c.tenant_id = k.tenant_id and c.order_date = k.order_date and c.currency = k.currency
  left join line_gross g on g.tenant_id = k.tenant_id and g.order_date = k.order_date and g.currency = k.currency
  left join refunds r on r.tenant_id = k.tenant_id and r.order_date = k.order_date and r.currency = k.currency
),
sales_mart as (
  select tenant_id, sales_date as period, currency, cast(sum(orders) as decimal(20, 4)) as orders,
         sum(gross) as gross, sum(net) as net
  from {{ ref('fct_sales_by_day') }}
  group by 1, 2, 3
),
sales as (
  select coalesce(e.tenant_id, m.tenant_id) as tenant_id, coalesce(e.period, m.period) as period,
         coalesce(e.currency, m.currency) as currency,
         e.orders as e_orders, m.orders as m_orders, e.gross as e_gross, m.gross as m_gross,
         e.net as e_net, m.net as m_net
  from sales_expected e
  full outer join sales_mart m on m.tenant_id = e.tenant_id and m.period = e.period
                              and m.currency is not distinct from e.currency
),
expense_lines as (
  select f.tenant_id, cast(date_trunc('month', f.txn_date) as date) as expense_month, f.currency, f.amount,
         f.txn_date, coalesce(tenants.reporting_currency, '{{ var("cairn_default_currency") }}') as reporting_currency
  from {{ ref('int_finance_transactions') }} f
  left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = f.tenant_id
  where f.transaction_type = 'expense' and not f.is_deleted
),
expenses_expected as (
  select x.tenant_id, x.expense_month as period, x.reporting_currency as currency,
         cast(sum(x.amount * coalesce({{ fx_rate('x.currency', 'x.reporting_currency') }}, 1)) as decimal(18, 2))
           as amount
  from expense_lines x
  left join {{ fx_ranges() }} fx_from on {{ fx_match('fx_from', 'x.currency', 'x.txn_date') }}
  left join {{ fx_ranges() }} fx_to on {{ fx_match('fx_to', 'x.reporting_currency', 'x.txn_date') }}
  group by 1, 2, 3
),
expenses_mart as (
  select tenant_id, expense_month as period, currency, sum(amount) as amount
  from {{ ref('fct_expenses_by_month') }}
  group by 1, 2, 3
),
expenses as (
  select coalesce(e.tenant_id, m.tenant_id) as tenant_id, coalesce(e.period, m.period) as period,
         coalesce(e.currency, m.currency) as currency, e.amount as e_amount, m.amount as m_amount
  from expenses_expected e
  full outer join expenses_mart m on m.tenant_id = e.tenant_id and m.period = e.period
),
compared as (
  select tenant_id, 'fct_sales_by_day' as model, 'sales' as domain, period, currency, 'orders' as metric,
         e_orders as staging_value, m_orders as mart_value from sales
  union all
  select tenant_id, 'fct_sales_by_day', 'sales', period, currency, 'gross', e_gross, m_gross from sales
  union all
  select tenant_id, 'fct_sales_by_day', 'sales', period, currency, 'net', e_net, m_net from sales
  union all
  select tenant_id, 'fct_expenses_by_month', 'expenses', period, currency, 'amount', e_amount, m_amount
  from expenses
)
select tenant_id, model, domain, period, currency, metric,
       cast(staging_value as decimal(20, 4)) as staging_value,
       cast(mart_value as decimal(20, 4)) as mart_value,
       cast(abs(coalesce(mart_value, 0) - coalesce(staging_value, 0)) as decimal(20, 4)) as difference,
       cast({{ tolerance }} as decimal(20, 4)) as tolerance,
       abs(coalesce(mart_value, 0) - coalesce(staging_value, 0)) <= {{ tolerance }} as within_tolerance
from compared
