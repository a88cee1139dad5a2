{#- The ledger-side view of QuickBooks: expense lines of purchases (one row per AccountBasedExpenseLineDetail or
    ItemBasedExpenseLineDetail line), invoices (receivables) and payments (cash received), with the account each
    amount posts to. Amounts in the document's currency. -#}
with purchase_lines as (
  {{ cairn_json_rows(ref('stg_quickbooks__purchases'), 'tenant_id, purchase_id, txn_date, currency, vendor_id, '
                     ~ 'vendor_name, is_credit, is_deleted, ingested_at', 'lines', 'line', 'line_number') }}
),
expenses as (
  select tenant_id, 'expense' as transaction_type, purchase_id as document_id, line_number, txn_date,
         coalesce({{ jtext('AccountBasedExpenseLineDetail.AccountRef.value', 'line') }},
                  {{ jtext('ItemBasedExpenseLineDetail.ItemRef.value', 'line') }}) as account_id,
         coalesce({{ jtext('AccountBasedExpenseLineDetail.AccountRef.name', 'line') }},
                  {{ jtext('ItemBasedExpenseLineDetail.ItemRef.name', 'line') }}) as account_name,
         vendor_id as counterparty_id, vendor_name as counterparty_name, currency,
         {#- A credit (refund from a vendor) reduces expenses. -#}
         case when is_credit then -1 else 1 end
           * {{ jdecimal('Amount', 2, 'line') }} as amount,
         {{ jtext('Description', 'line') }} as description,
         is_deleted, ingested_at
  from purchase_lines
  where {{ jtext('DetailType', 'line') }} in ('AccountBasedExpenseLineDetail', 'ItemBasedExpenseLineDetail')
),
invoices as (
  select tenant_id, 'invoice', invoice_id, 0, txn_date, cast(null as {{ cairn_string() }}), 'Accounts Receivable', customer_id,
         customer_name, currency, total_amount, doc_number, is_deleted, ingested_at
  from {{ ref('stg_quickbooks__invoices') }}
),
payments as (
  select tenant_id, 'payment', payment_id, 0, txn_date, deposit_account_id, cast(null as {{ cairn_string() }}), customer_id,
         customer_name, currency, total_amount, payment_reference, is_deleted, ingested_at
  from {{ ref('stg_quickbooks__payments') }}
),
unioned as (
  select * from expenses
  union all select * from invoices
  union all select * from payments
)
select
  u.tenant_id,
  'quickbooks:' || u.transaction_type || ':' || u.document_id || ':' || u.line_number as finance_transaction_key,
  'quickbooks' as source_system,
  u.transaction_type,
  u.document_id,
  u.line_number,
  u.txn_date,
  u.account_id,
  coalesce(u.account_name, a.account_name) as account_name,
  a.classification as account_classification,
  a.account_type,
  u.counterparty_id,
  u.counterparty_name,
  u.currency,
  cast(u.amount as decimal(18, 2)) as amount,
  u.description,
  u.is_deleted,
  u.ingested_at
from unioned u
left join {{ ref('stg_quickbooks__accounts') }} a on a.tenant_id = u.tenant_id and a.account_id = u.account_id
