{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'TxnDate', 'PaymentType', 'AccountRef', 'EntityRef', 'Credit', 'TotalAmt',
    'PrivateNote', 'DocNumber', 'Line'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'purchases') }}
)
select
  {{ envelope_columns() }},
  source_record_id as purchase_id,
  {{ qbo_common_columns() }},
  {{ jdate('TxnDate') }} as txn_date,
  {{ jtext('DocNumber') }} as doc_number,
  {{ jtext('PaymentType') }} as payment_type,
  {{ jtext('AccountRef.value') }} as payment_account_id,
  {{ jtext('AccountRef.name') }} as payment_account_name,
  {{ jtext('EntityRef.value') }} as vendor_id,
  {{ jtext('EntityRef.name') }} as vendor_name,
  {{ jtext('EntityRef.type') }} as vendor_type,
  coalesce({{ jbool('Credit') }}, false) as is_credit,
  {{ jdecimal('TotalAmt') }} as total_amount,
  {{ jtext('PrivateNote') }} as private_note,
  {{ jjson('Line') }} as lines,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
