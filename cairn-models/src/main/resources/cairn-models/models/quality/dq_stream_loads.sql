{{ config(materialized='incremental', incremental_strategy='append') }}
{#-
  One row per landed load of every raw stream and tenant: when it landed (ingested_at), how many record versions
  it brought and the range of their source change times. Incremental: a run profiles only the loads it has not
  seen (load ids are unique across streams), so the cost follows new data, not history.
-#}
{% for name in var('cairn_dq_raw_streams') %}
{%- set parts = name.split('__') %}
select
  tenant_id,
  '{{ parts[0] }}' as source_system,
  '{{ parts[1] }}' as stream,
  load_id,
  min(ingested_at) as loaded_at,
  cast(count(*) as bigint) as records,
  min(source_updated_at) as min_source_updated_at,
  max(source_updated_at) as max_source_updated_at
from {{ raw_relation(parts[0], parts[1]) }} r
{% if is_incremental() %}
where not exists (select 1 from {{ this }} seen where seen.load_id = r.load_id)
{% endif %}
group by tenant_id, load_id
{% if not loop.last %}union all{% endif %}
{% endfor %}
