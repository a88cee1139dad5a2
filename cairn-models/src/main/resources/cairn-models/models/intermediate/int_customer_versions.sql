{#- Every landed version of every customer record (not only the latest), with the attributes dim_customers tracks.
    Reads the raw tables directly because staging keeps only the latest version. -#}
with versions as (
  select tenant_id, 'shopify' as source_system, source_record_id, source_updated_at, ingested_at, record_hash,
         is_deleted,
         {{ jtext('email') }} as email,
         {{ jtext('first_name') }} as first_name,
         {{ jtext('last_name') }} as last_name,
         coalesce({{ jtext('phone') }}, {{ jtext('default_address.phone') }}) as phone,
         {{ jtext('default_address.city') }} as city,
         {{ jtext('default_address.country_code') }} as country_code
  from {{ raw_relation('shopify', 'customers') }} raw_rows
  union all
  select tenant_id, 'quickbooks', source_record_id, source_updated_at, ingested_at, record_hash, is_deleted,
         {{ jtext('PrimaryEmailAddr.Address') }}, {{ jtext('GivenName') }}, {{ jtext('FamilyName') }},
         {{ jtext('PrimaryPhone.FreeFormNumber') }}, {{ jtext('BillAddr.City') }}, {{ jtext('BillAddr.Country') }}
  from {{ raw_relation('quickbooks', 'customers') }} raw_rows
  union all
  select tenant_id, 'crm', source_record_id, source_updated_at, ingested_at, record_hash, is_deleted,
         {{ jtext('email') }}, {{ jtext('first_name') }}, {{ jtext('last_name') }}, {{ jtext('phone') }},
         {{ jtext('city') }}, {{ jtext('country') }}
  from {{ raw_relation('crm', 'customers') }} raw_rows
)
select
  tenant_id,
  source_system || ':' || source_record_id as customer_record_key,
  source_system,
  source_record_id as source_customer_id,
  source_updated_at,
  ingested_at,
  record_hash,
  is_deleted,
  {{ norm_email('email') }} as email,
  nullif(trim(first_name), '') as first_name,
  nullif(trim(last_name), '') as last_name,
  nullif(trim(phone), '') as phone,
  nullif(trim(city), '') as city,
  nullif(trim(country_code), '') as country_code,
  md5(concat_ws('|', {{ norm_email('email') }}, trim(first_name), trim(last_name), trim(phone), trim(city),
                trim(country_code), cast(is_deleted as {{ cairn_string() }}))) as attributes_hash
from versions
