{{ config(alias='schema_changes') }}
{#-
  Schema drift per tenant and raw stream (ops.schema_changes). The loads of a stream are ordered by landing time
  (loads landed in the same instant by their newest change time, then load id). A field is 'added' in the first
  load that carries it when an earlier load existed without it, and 'vanished' in a load that lacks a field every
  record of the previous load carried, so optional fields that only some records carry never read as vanished.
  Rebuilt from the incremental load profiles.
-#}
with loads as (
  select tenant_id, source_system, stream, load_id, loaded_at, records,
         row_number() over (partition by tenant_id, source_system, stream
                            order by loaded_at, max_source_updated_at, load_id) as load_seq
  from {{ ref('dq_stream_loads') }}
),
fields as (
  select f.tenant_id, f.source_system, f.stream, f.load_id, f.field, f.records_with_field, l.records, l.load_seq,
         l.loaded_at
  from {{ ref('dq_load_fields') }} f
  join loads l on l.tenant_id = f.tenant_id and l.source_system = f.source_system and l.stream = f.stream
              and l.load_id = f.load_id
),
first_seen as (
  select tenant_id, source_system, stream, field, min(load_seq) as first_seq
  from fields
  group by tenant_id, source_system, stream, field
),
added as (
  select f.tenant_id, f.source_system, f.stream, f.load_id, f.loaded_at, 'added' as change_type, f.field,
         f.records_with_field, f.records, f.load_seq
  from fields f
  join first_seen s on s.tenant_id = f.tenant_id and s.source_system = f.source_system and s.stream = f.stream
                   and s.field = f.field and s.first_seq = f.load_seq
  where f.load_seq > 1
),
vanished as (
  select cur.tenant_id, cur.source_system, cur.stream, cur.load_id, cur.loaded_at, 'vanished' as change_type,
         prev.field, cast(0 as bigint) as records_with_field, cur.records, cur.load_seq
  from loads cur
  join fields prev on prev.tenant_id = cur.tenant_id and prev.source_system = cur.source_system
                  and prev.stream = cur.stream and prev.load_seq = cur.load_seq - 1
                  and prev.records_with_field = prev.records
  where not exists (
    select 1 from fields f
    where f.tenant_id = cur.tenant_id and f.source_system = cur.source_system and f.stream = cur.stream
      and f.load_id = cur.load_id and f.field = prev.field)
),
changes as (
  select * from added
  union all
  select * from vanished
)
select c.tenant_id, c.source_system, c.stream, c.load_id, c.loaded_at, c.load_seq, c.change_type, c.field,
       c.records_with_field, c.records as records_in_load, p.load_id as previous_load_id
from changes c
left join loads p on p.tenant_id = c.tenant_id and p.source_system = c.source_system and p.stream = c.stream
                 and p.load_seq = c.load_seq - 1
