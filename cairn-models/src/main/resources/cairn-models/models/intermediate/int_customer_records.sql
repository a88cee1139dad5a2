{#- Every customer record of every source (latest version), with the normalized attributes identity resolution
    matches on. -#}
with records as (
  select tenant_id, 'shopify' as source_system, customer_id as source_customer_id, email, phone, first_name,
         last_name, address_line1, city, postal_code, country_code, created_at, updated_at, is_deleted
  from {{ ref('stg_shopify__customers') }}
  union all
  select tenant_id, 'quickbooks', customer_id, email, phone, first_name, last_name, address_line1, city,
         postal_code, country_code, created_at, updated_at, is_deleted
  from {{ ref('stg_quickbooks__customers') }}
  union all
  select c.tenant_id, 'crm', c.customer_id, c.email, c.phone, c.first_name, c.last_name, c.address_line1, c.city,
         c.postal_code, c.country_code,
         {#- CRM times are local wall-clock times of the tenant. -#}
         {{ cairn_instant_from_local('c.created_local_at', "coalesce(tenants.timezone, '" ~ var("cairn_default_timezone") ~ "')") }},
         {{ cairn_instant_from_local('c.updated_local_at', "coalesce(tenants.timezone, '" ~ var("cairn_default_timezone") ~ "')") }},
         c.is_deleted
  from {{ ref('stg_crm__customers') }} c
  left join {{ ref('stg_platform__tenants') }} tenants on tenants.tenant_id = c.tenant_id
)
select
  tenant_id,
  source_system || ':' || source_customer_id as customer_record_key,
  source_system,
  source_customer_id,
  email,
  phone,
  first_name,
  last_name,
  address_line1,
  city,
  postal_code,
  country_code,
  created_at,
  updated_at,
  is_deleted,
  {{ norm_email('email') }} as email_norm,
  {{ norm_phone('phone') }} as phone_norm,
  {{ norm_text("coalesce(first_name, '') || ' ' || coalesce(last_name, '')") }} as name_norm,
  {{ norm_text("coalesce(address_line1, '') || ' ' || coalesce(postal_code, '')") }} as address_norm
from records
