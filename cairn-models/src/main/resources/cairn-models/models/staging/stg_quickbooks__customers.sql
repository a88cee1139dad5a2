{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'DisplayName', 'GivenName', 'FamilyName', 'CompanyName',
    'FullyQualifiedName', 'PrintOnCheckName', 'PrimaryEmailAddr', 'PrimaryPhone', 'Mobile', 'BillAddr', 'ShipAddr',
    'Active', 'Taxable', 'Balance', 'BalanceWithJobs', 'Job', 'BillWithParent', 'PreferredDeliveryMethod',
    'Notes'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'customers') }}
)
select
  {{ envelope_columns() }},
  source_record_id as customer_id,
  {{ qbo_common_columns() }},
  {{ jtext('DisplayName') }} as display_name,
  {{ jtext('GivenName') }} as first_name,
  {{ jtext('FamilyName') }} as last_name,
  {{ jtext('CompanyName') }} as company_name,
  {{ jtext('FullyQualifiedName') }} as fully_qualified_name,
  {{ jtext('PrintOnCheckName') }} as print_on_check_name,
  lower(trim({{ jtext('PrimaryEmailAddr.Address') }})) as email,
  coalesce({{ jtext('PrimaryPhone.FreeFormNumber') }}, {{ jtext('Mobile.FreeFormNumber') }}) as phone,
  {{ jtext('BillAddr.Line1') }} as address_line1,
  {{ jtext('BillAddr.City') }} as city,
  {{ jtext('BillAddr.CountrySubDivisionCode') }} as region_code,
  {{ jtext('BillAddr.PostalCode') }} as postal_code,
  {{ jtext('BillAddr.Country') }} as country_code,
  coalesce({{ jbool('Active') }}, true) as is_active,
  {{ jbool('Taxable') }} as is_taxable,
  {{ jdecimal('Balance') }} as balance_amount,
  {{ jdecimal('BalanceWithJobs') }} as balance_with_jobs_amount,
  coalesce({{ jbool('Job') }}, false) as is_job,
  {{ jbool('BillWithParent') }} as bill_with_parent,
  {{ jtext('PreferredDeliveryMethod') }} as preferred_delivery_method,
  {{ jtext('Notes') }} as notes,
  {{ jjson('BillAddr') }} as bill_address,
  {{ jjson('ShipAddr') }} as ship_address,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
