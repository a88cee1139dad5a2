{#-
  Staging helpers. Every staging view reads one raw table, keeps the LATEST version of each record
  (source_updated_at, then ingested_at, then record_hash so ties resolve the same way on every run),
  types the fields it maps and keeps every other top-level payload field in extra_attributes.
-#}

{#- The raw table of a stream, or an empty relation of the envelope's shape when the deployment lists the
    stream in var('cairn_absent_streams') (a tenant set without that source has no raw table).
    var('cairn_source_fences') isolates failed syncs: for each {tenant_id, source_system, visible_until} of this
    system, that tenant's rows landed after visible_until (its last good sync) are left out, so everything
    downstream sees the tenant's data as of that sync while other tenants' data is current. -#}
{% macro raw_relation(system, stream) -%}
  {%- if (system ~ '__' ~ stream) in var('cairn_absent_streams', []) -%}
  (select cast(null as {{ cairn_string() }}) as tenant_id, cast(null as {{ cairn_string() }}) as source_system,
          cast(null as {{ cairn_string() }}) as stream, cast(null as {{ cairn_string() }}) as source_record_id,
          cast(null as {{ cairn_timestamptz() }}) as source_updated_at, cast(null as {{ cairn_timestamptz() }}) as ingested_at,
          cast(null as {{ cairn_string() }}) as load_id, cast(null as {{ cairn_string() }}) as source_file,
          cast(null as {{ cairn_string() }}) as record_hash, cast(null as {{ cairn_json_type() }}) as payload,
          cast(null as {{ cairn_string() }}) as dq_status, cast(null as {{ cairn_text_array_type() }}) as dq_errors,
          cast(null as boolean) as is_deleted
   where false)
  {%- elif var('cairn_source_fences', []) | length > 0 -%}
  (select * from {{ source('raw', system ~ '__' ~ stream) }}
   where true
   {%- for fence in var('cairn_source_fences', []) %}
     {%- if fence.source_system == system %}
     and not (tenant_id = '{{ fence.tenant_id }}' and ingested_at > cast('{{ fence.visible_until }}' as {{ cairn_timestamptz() }}))
     {%- endif %}
   {%- endfor %})
  {%- else -%}
  {{ source('raw', system ~ '__' ~ stream) }}
  {%- endif -%}
{%- endmacro %}

{% macro latest_versions(system, stream) -%}
  {{ cairn_latest_rows(raw_relation(system, stream), 'tenant_id, source_record_id',
                       'source_updated_at desc nulls last, ingested_at desc, record_hash desc') }}
{%- endmacro %}

{#- The envelope columns every staging view starts with. -#}
{% macro envelope_columns() -%}
  tenant_id,
  source_system,
  source_record_id,
  source_updated_at,
  ingested_at,
  load_id,
  dq_status,
  dq_errors,
  is_deleted
{%- endmacro %}

{#- Text at a JSON path of the payload ('$.a.b'); NULL for JSON null. -#}
{% macro jtext(path, payload='payload') -%}
  {{ cairn_json_text(payload, path) }}
{%- endmacro %}

{% macro jdecimal(path, scale=2, payload='payload') -%}
  {{ cairn_json_number(payload, path, scale) }}
{%- endmacro %}

{% macro jint(path, payload='payload') -%}
  cast({{ cairn_json_text(payload, path) }} as bigint)
{%- endmacro %}

{% macro jbool(path, payload='payload') -%}
  cast({{ cairn_json_text(payload, path) }} as boolean)
{%- endmacro %}

{#- An ISO-8601 instant with offset or Z. -#}
{% macro jtimestamp(path, payload='payload') -%}
  cast({{ cairn_json_text(payload, path) }} as {{ cairn_timestamptz() }})
{%- endmacro %}

{% macro jdate(path, payload='payload') -%}
  cast({{ cairn_json_text(payload, path) }} as date)
{%- endmacro %}

{% macro jjson(path, payload='payload') -%}
  {{ cairn_json(payload, path) }}
{%- endmacro %}

{#- The payload without the top-level keys the model maps to columns: a JSON merge patch with a null per mapped
    key removes exactly those keys and keeps everything else, nested values included. -#}
{% macro extra_attributes(mapped_keys, payload='payload') -%}
  {{ cairn_json_without_keys(payload, mapped_keys) }}
{%- endmacro %}

{#- A currency code as written, trimmed and upper-cased; unknown codes are kept (DQ flags them at landing). -#}
{% macro currency_code(expr) -%}
  nullif(upper(trim({{ expr }})), '')
{%- endmacro %}

{#- Columns from the fields every QuickBooks Online entity carries (Id, SyncToken, domain, sparse, MetaData,
    CurrencyRef); models list those keys as mapped. -#}
{% macro qbo_common_columns() -%}
  {{ jtext('SyncToken') }} as sync_token,
  {{ jtimestamp('MetaData.CreateTime') }} as created_at,
  {{ jtimestamp('MetaData.LastUpdatedTime') }} as updated_at,
  {{ jtext('domain') }} as source_domain,
  {{ jbool('sparse') }} as is_sparse,
  {{ currency_code(jtext('CurrencyRef.value')) }} as currency
{%- endmacro %}
