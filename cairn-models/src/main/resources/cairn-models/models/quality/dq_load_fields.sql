{{ config(materialized='incremental', incremental_strategy='append') }}
{#-
  The top-level payload keys of every landed load: one row per (load, key) with the number of record versions
  carrying the key. Schema drift compares these key sets between loads. Incremental like dq_stream_loads.
-#}
{% for name in var('cairn_dq_raw_streams') %}
{%- set parts = name.split('__') %}
select
  tenant_id,
  '{{ parts[0] }}' as source_system,
  '{{ parts[1] }}' as stream,
  load_id,
  field,
  cast(count(*) as bigint) as records_with_field
from (
  select r.tenant_id, r.load_id, {{ cairn_json_keys('r.payload') }} as field
  from {{ raw_relation(parts[0], parts[1]) }} r
  {% if is_incremental() %}
  where not exists (select 1 from {{ this }} seen where seen.load_id = r.load_id)
  {% endif %}
) keyed
group by tenant_id, load_id, field
{% if not loop.last %}union all{% endif %}
{% endfor %}
