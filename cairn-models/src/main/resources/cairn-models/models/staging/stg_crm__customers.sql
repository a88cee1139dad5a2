{#- CRM exports are CSV: every value arrives as text. created_at/updated_at are the CRM's naive local wall-clock
    times, kept as TIMESTAMP (no zone) under *_local_at names. Unannounced extra columns stay in extra_attributes. -#}
{%- set mapped = ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'address_line1', 'city', 'state',
    'postal_code', 'country', 'created_at', 'updated_at'] -%}
with versions as (
  {{ latest_versions('crm', 'customers') }}
)
select
  {{ envelope_columns() }},
  source_record_id as customer_id,
  nullif(trim({{ jtext('first_name') }}), '') as first_name,
  nullif(trim({{ jtext('last_name') }}), '') as last_name,
  nullif(lower(trim({{ jtext('email') }})), '') as email,
  nullif(trim({{ jtext('phone') }}), '') as phone,
  nullif(trim({{ jtext('address_line1') }}), '') as address_line1,
  nullif(trim({{ jtext('city') }}), '') as city,
  nullif(trim({{ jtext('state') }}), '') as region_code,
  nullif(trim({{ jtext('postal_code') }}), '') as postal_code,
  nullif(trim({{ jtext('country') }}), '') as country_code,
  {{ cairn_try_cast("nullif(trim(" ~ jtext('created_at') ~ "), '')", 'timestamp') }} as created_local_at,
  {{ cairn_try_cast("nullif(trim(" ~ jtext('updated_at') ~ "), '')", 'timestamp') }} as updated_local_at,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
