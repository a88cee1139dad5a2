{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'Name', 'FullyQualifiedName', 'SubAccount', 'ParentRef', 'Active',
    'Classification', 'AccountType', 'AccountSubType', 'CurrentBalance', 'CurrentBalanceWithSubAccounts',
    'AcctNum', 'Description'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'accounts') }}
)
select
  {{ envelope_columns() }},
  source_record_id as account_id,
  {{ qbo_common_columns() }},
  {{ jtext('Name') }} as account_name,
  {{ jtext('FullyQualifiedName') }} as fully_qualified_name,
  coalesce({{ jbool('SubAccount') }}, false) as is_sub_account,
  {{ jtext('ParentRef.value') }} as parent_account_id,
  coalesce({{ jbool('Active') }}, true) as is_active,
  {{ jtext('Classification') }} as classification,
  {{ jtext('AccountType') }} as account_type,
  {{ jtext('AccountSubType') }} as account_sub_type,
  {{ jtext('AcctNum') }} as account_number,
  {{ jtext('Description') }} as description,
  {{ jdecimal('CurrentBalance') }} as current_balance,
  {{ jdecimal('CurrentBalanceWithSubAccounts') }} as current_balance_with_sub_accounts,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
