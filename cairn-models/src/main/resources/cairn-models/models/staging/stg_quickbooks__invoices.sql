{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'DocNumber', 'TxnDate', 'DueDate', 'CustomerRef', 'TotalAmt', 'Balance',
    'TxnTaxDetail', 'Line', 'BillEmail', 'EmailStatus', 'PrintStatus', 'SalesTermRef', 'PrivateNote'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'invoices') }}
)
select
  {{ envelope_columns() }},
  source_record_id as invoice_id,
  {{ qbo_common_columns() }},
  {{ jtext('DocNumber') }} as doc_number,
  {{ jdate('TxnDate') }} as txn_date,
  {{ jdate('DueDate') }} as due_date,
  {{ jtext('CustomerRef.value') }} as customer_id,
  {{ jtext('CustomerRef.name') }} as customer_name,
  lower(trim({{ jtext('BillEmail.Address') }})) as bill_email,
  {{ jdecimal('TotalAmt') }} as total_amount,
  {{ jdecimal('Balance') }} as balance_amount,
  coalesce({{ jdecimal('TxnTaxDetail.TotalTax') }}, 0) as tax_amount,
  {{ jtext('EmailStatus') }} as email_status,
  {{ jtext('PrintStatus') }} as print_status,
  {{ jtext('SalesTermRef.name') }} as sales_term,
  {{ jtext('PrivateNote') }} as private_note,
  {{ jjson('Line') }} as lines,
  {{ jjson('TxnTaxDetail') }} as tax_detail,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
