{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'DocNumber', 'TxnDate', 'CustomerRef', 'TotalAmt', 'Balance', 'TxnTaxDetail',
    'Line', 'PaymentMethodRef', 'DepositToAccountRef', 'PrintStatus', 'EmailStatus', 'ApplyTaxAfterDiscount',
    'PrivateNote', 'BillEmail'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'sales_receipts') }}
)
select
  {{ envelope_columns() }},
  source_record_id as sales_receipt_id,
  {{ qbo_common_columns() }},
  {{ jtext('DocNumber') }} as doc_number,
  {{ jdate('TxnDate') }} as txn_date,
  {{ jtext('CustomerRef.value') }} as customer_id,
  {{ jtext('CustomerRef.name') }} as customer_name,
  lower(trim({{ jtext('BillEmail.Address') }})) as bill_email,
  {{ jdecimal('TotalAmt') }} as total_amount,
  {{ jdecimal('Balance') }} as balance_amount,
  coalesce({{ jdecimal('TxnTaxDetail.TotalTax') }}, 0) as tax_amount,
  {{ jtext('PaymentMethodRef.name') }} as payment_method,
  {{ jtext('DepositToAccountRef.value') }} as deposit_account_id,
  {{ jtext('PrintStatus') }} as print_status,
  {{ jtext('EmailStatus') }} as email_status,
  {{ jbool('ApplyTaxAfterDiscount') }} as apply_tax_after_discount,
  {{ jtext('PrivateNote') }} as private_note,
  {{ jjson('Line') }} as lines,
  {{ jjson('TxnTaxDetail') }} as tax_detail,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
