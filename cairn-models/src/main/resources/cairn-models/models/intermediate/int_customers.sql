{#-
  Customer identity resolution: every source customer record gets a person_key shared by all records of one person.
  Rules, strongest first (the first that applies wins):
    manual   1.00  the customer_identity_overrides seed pins the record to a person_key
    email    1.00  same normalized e-mail as other records: the person is that e-mail
    phone    0.90  no e-mail, same phone digits as a record with an e-mail: that record's person
    name_address 0.80  no e-mail and no phone match, same normalized name + address line + postal code as a record
                 with an e-mail
    single   0.50  nothing matched: the record is a person of its own
  Matching never crosses tenants.
-#}
with records as (
  select * from {{ ref('int_customer_records') }}
),
anchors as (
  select tenant_id, email_norm, phone_norm, name_norm, address_norm
  from records where email_norm is not null
),
by_phone as (
  select tenant_id, phone_norm, min(email_norm) as email_norm
  from anchors where phone_norm is not null group by 1, 2
),
by_name_address as (
  select tenant_id, name_norm, address_norm, min(email_norm) as email_norm
  from anchors where name_norm is not null and address_norm is not null group by 1, 2, 3
),
overrides as (
  select tenant_id, source_system, source_customer_id, person_key
  from {{ ref('customer_identity_overrides') }}
),
resolved as (
  select
    r.*,
    case
      when o.person_key is not null then o.person_key
      when r.email_norm is not null then 'email:' || r.email_norm
      when p.email_norm is not null then 'email:' || p.email_norm
      when n.email_norm is not null then 'email:' || n.email_norm
      else 'record:' || r.customer_record_key
    end as person_key,
    case
      when o.person_key is not null then 'manual'
      when r.email_norm is not null then 'email'
      when p.email_norm is not null then 'phone'
      when n.email_norm is not null then 'name_address'
      else 'single'
    end as match_rule
  from records r
  left join overrides o
    on o.tenant_id = r.tenant_id and o.source_system = r.source_system
   and o.source_customer_id = r.source_customer_id
  left join by_phone p on p.tenant_id = r.tenant_id and p.phone_norm = r.phone_norm
  left join by_name_address n
    on n.tenant_id = r.tenant_id and n.name_norm = r.name_norm and n.address_norm = r.address_norm
)
select
  *,
  cast(case match_rule when 'manual' then 1.00 when 'email' then 1.00 when 'phone' then 0.90
       when 'name_address' then 0.80 else 0.50 end as decimal(3, 2)) as match_confidence
from resolved
