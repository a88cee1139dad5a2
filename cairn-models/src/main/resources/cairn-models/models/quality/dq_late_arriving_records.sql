{{ config(alias='late_arriving_records') }}
{#-
  Late-arriving records per tenant, raw stream and record (ops.late_arriving_records): a record version whose
  source change time is more than var('cairn_late_arrival_days') days older than the load that brought it
  (ingested_at) AND older than the newest change time its stream had already delivered in earlier loads (landing
  order: ingested_at, then the newest change time in the load, then load id). The second condition keeps a first
  load, or a backfill of old history landed in order, from counting as late; what is left are records that came
  after the stream had moved past them.
-#}
{%- set late_days = var('cairn_late_arrival_days') %}
with loads as (
  select tenant_id, source_system, stream, load_id, loaded_at,
         max(max_source_updated_at) over (
             partition by tenant_id, source_system, stream
             order by loaded_at, max_source_updated_at, load_id
             rows between unbounded preceding and 1 preceding) as watermark_before
  from {{ ref('dq_stream_loads') }}
),
versions as (
{% for name in var('cairn_dq_raw_streams') %}
{%- set parts = name.split('__') %}
  select tenant_id, '{{ parts[0] }}' as source_system, '{{ parts[1] }}' as stream, source_record_id, load_id,
         ingested_at, source_updated_at
  from {{ raw_relation(parts[0], parts[1]) }} raw_rows
  {% if not loop.last %}union all{% endif %}
{% endfor %}
)
select v.tenant_id, v.source_system, v.stream, v.source_record_id, v.load_id, v.ingested_at, v.source_updated_at,
       l.watermark_before,
       {{ cairn_decimal_from_double(cairn_fdiv(cairn_date_diff('second', 'v.source_updated_at', 'v.ingested_at'),
                                               '86400.0'), 10, 2) }} as days_late,
       {{ cairn_decimal_from_double(cairn_fdiv(cairn_date_diff('second', 'v.source_updated_at', 'l.watermark_before'),
                                               '86400.0'), 10, 2) }} as days_behind_stream
from versions v
join loads l on l.tenant_id = v.tenant_id and l.source_system = v.source_system and l.stream = v.stream
            and l.load_id = v.load_id
where l.watermark_before is not null
  and v.source_updated_at < l.watermark_before
  and v.source_updated_at < {{ cairn_date_add('v.ingested_at', -late_days, 'day') }}
