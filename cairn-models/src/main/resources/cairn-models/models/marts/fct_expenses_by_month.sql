{{ config(materialized='incremental', incremental_strategy='delete+insert',
          unique_key=['tenant_id', 'expense_month'], on_schema_change='sync_all_columns') }}
{#-
  Expenses per (tenant, month of the transaction date, expense account name): every expense line of the final
  version of each QuickBooks purchase, deleted purchases excluded, credits negative. Amounts are in the tenant's
  reporting currency: a document in another currency with a rate in fx_rates is converted; a code without a rate
  (a data-entry defect such as 'ZZZ') is taken as the tenant's currency.

  Incremental like fct_sales_by_day: recompute the months touched by records ingested after the tenant's
  watermark minus var('cairn_lookback_days'), plus the tenant's newest month, replacing them whole.
-#}
{%- set lookback = var('cairn_lookback_days') -%}
with lines as (
  select f.tenant_id, cast(date_trunc('month', f.txn_date) as date) as expense_month, f.account_id,
         f.account_name, f.account_classification, f.currency, f.amount, f.txn_date, f.is_deleted, f.ingested_at,
         coalesce(tenants.reporting_currency, '{{ var("cairn_default_currency") }}') as reporting_currency
  from {{ ref('int_finance_transactions') }} f
  left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = f.tenant_id
  where f.transaction_type = 'expense'
),
{% if is_incremental() %}
watermarks as (
  select tenant_id, max(last_ingested_at) as watermark, max(expense_month) as newest_month
  from {{ this }}
  group by 1
),
affected as (
  select distinct l.tenant_id, l.expense_month
  from lines l
  left join watermarks w on w.tenant_id = l.tenant_id
  where w.tenant_id is null
     or l.ingested_at > {{ cairn_date_add('w.watermark', -lookback, 'day') }}
     or l.expense_month >= w.newest_month
),
scoped as (
  select l.* from lines l
  join affected a on a.tenant_id = l.tenant_id and a.expense_month = l.expense_month
),
{% else %}
scoped as (
  select * from lines
),
{% endif %}
converted as (
  select s.*,
         s.amount * coalesce({{ fx_rate('s.currency', 's.reporting_currency') }}, 1) as reporting_amount
  from scoped s
  left join {{ fx_ranges() }} fx_from on {{ fx_match('fx_from', 's.currency', 's.txn_date') }}
  left join {{ fx_ranges() }} fx_to on {{ fx_match('fx_to', 's.reporting_currency', 's.txn_date') }}
)
select
  tenant_id,
  expense_month,
  {{ cairn_format_date('expense_month', '%Y-%m') }} as month,
  account_name,
  min(account_id) as account_id,
  min(account_classification) as account_classification,
  min(reporting_currency) as currency,
  cast(sum(reporting_amount) filter (where not is_deleted) as decimal(18, 2)) as amount,
  cast(count(*) filter (where not is_deleted) as bigint) as expense_lines,
  max(ingested_at) as last_ingested_at
from converted
group by tenant_id, expense_month, account_name
having count(*) filter (where not is_deleted) > 0
