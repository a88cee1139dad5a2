{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'TxnDate', 'CustomerRef', 'TotalAmt', 'UnappliedAmt', 'DepositToAccountRef',
    'PaymentMethodRef', 'PaymentRefNum', 'ProcessPayment', 'PrivateNote', 'Line'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'payments') }}
)
select
  {{ envelope_columns() }},
  source_record_id as payment_id,
  {{ qbo_common_columns() }},
  {{ jdate('TxnDate') }} as txn_date,
  {{ jtext('CustomerRef.value') }} as customer_id,
  {{ jtext('CustomerRef.name') }} as customer_name,
  {{ jdecimal('TotalAmt') }} as total_amount,
  {{ jdecimal('UnappliedAmt') }} as unapplied_amount,
  {{ jtext('DepositToAccountRef.value') }} as deposit_account_id,
  {{ jtext('PaymentMethodRef.value') }} as payment_method_id,
  {{ jtext('PaymentRefNum') }} as payment_reference,
  {{ jbool('ProcessPayment') }} as is_processed_payment,
  {{ jtext('PrivateNote') }} as private_note,
  {{ jjson('Line') }} as lines,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
