{{ config(materialized='table') }}
{#-
  Customers as a type-2 slowly changing dimension: one row per source customer record and period in which its
  tracked attributes (e-mail, name, phone, city, country, deleted flag) stayed the same. effective_from is the
  source's change time of the version that started the period, effective_to the start of the next period (NULL
  for the current row), is_current marks the latest. person_key links every row to the resolved person.
-#}
with ordered as (
  select *,
         lag(attributes_hash) over (partition by tenant_id, customer_record_key
                                    order by source_updated_at, ingested_at, record_hash) as previous_hash
  from {{ ref('int_customer_versions') }}
),
changes as (
  select * from ordered where previous_hash is null or previous_hash <> attributes_hash
),
periods as (
  select *,
         lead(source_updated_at) over (partition by tenant_id, customer_record_key
                                       order by source_updated_at, ingested_at, record_hash) as next_change_at,
         row_number() over (partition by tenant_id, customer_record_key
                            order by source_updated_at desc nulls last, ingested_at desc, record_hash desc) as recency
  from changes
)
select
  p.tenant_id,
  p.customer_record_key || '@' || {{ cairn_format_date('p.source_updated_at', '%Y%m%d%H%M%S') }} || ':' || substr(p.attributes_hash, 1, 8)
    as customer_version_key,
  p.customer_record_key,
  c.person_key,
  c.match_rule,
  c.match_confidence,
  p.source_system,
  p.source_customer_id,
  p.email,
  p.first_name,
  p.last_name,
  p.phone,
  p.city,
  p.country_code,
  p.is_deleted,
  p.source_updated_at as effective_from,
  p.next_change_at as effective_to,
  p.recency = 1 as is_current
from periods p
left join {{ ref('int_customers') }} c
  on c.tenant_id = p.tenant_id and c.customer_record_key = p.customer_record_key
