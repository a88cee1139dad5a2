{#- The tenant directory the platform writes into cairn.tenants before a build: time zone and reporting currency. -#}
select
  tenant_id,
  coalesce(nullif(trim(timezone), ''), '{{ var("cairn_default_timezone") }}') as timezone,
  coalesce({{ currency_code('currency') }}, '{{ var("cairn_default_currency") }}') as reporting_currency
from {{ source('platform', 'tenants') }}
