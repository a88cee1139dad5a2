{#-
  SQL that DuckDB, PostgreSQL and Spark spell differently, one macro per construct. Each dispatches on target.type
  ('duckdb', 'postgres' or 'spark', as dbt names adapters); models call these instead of engine functions so one
  project builds the same marts on every engine. The DuckDB branch is the package's original SQL, unchanged.
  On Spark, raw payloads are JSON text (STRING) and JSON values are JSON text too.
-#}

{#- The text type: varchar (Spark: string, it has no varchar without a length). -#}
{% macro cairn_string() -%}
  {%- if target.type == 'spark' -%}string{%- else -%}varchar{%- endif -%}
{%- endmacro %}

{#- The type of an instant: timestamptz (Spark: timestamp, which is an instant shown in the session's zone). -#}
{% macro cairn_timestamptz() -%}
  {%- if target.type == 'spark' -%}timestamp{%- else -%}timestamptz{%- endif -%}
{%- endmacro %}

{#- A type name as this engine spells it (varchar, timestamptz and the rest as they are). -#}
{% macro cairn_type(type) -%}
  {%- if type | lower == 'varchar' -%}{{ cairn_string() }}
  {%- elif type | lower == 'timestamptz' -%}{{ cairn_timestamptz() }}
  {%- else -%}{{ type }}{%- endif -%}
{%- endmacro %}

{#- The JSON type of payload-like columns: DuckDB json, PostgreSQL jsonb (what the raw loaders land). -#}
{% macro cairn_json_type() -%}
  {%- if target.type == 'postgres' -%}jsonb{%- elif target.type == 'spark' -%}string{%- else -%}json{%- endif -%}
{%- endmacro %}

{#- The type of dq_errors: a list of text. -#}
{% macro cairn_text_array_type() -%}
  {%- if target.type == 'postgres' -%}text[]{%- elif target.type == 'spark' -%}array<string>
  {%- else -%}varchar[]{%- endif -%}
{%- endmacro %}

{#- A path such as 'a.b' or 'transactions[0].currency' as a PostgreSQL text[] path literal '{a,b}'. -#}
{% macro cairn_pg_json_path(path) -%}
  '{ {{- path | replace('[', '.') | replace(']', '') | replace('.', ',') -}} }'
{%- endmacro %}

{#- Text at a JSON path ('a.b', 'items[0].sku'); NULL for a missing key or JSON null. -#}
{% macro cairn_json_text(json, path) -%}
  {%- if target.type == 'postgres' -%}({{ json }} #>> {{ cairn_pg_json_path(path) }})
  {%- elif target.type == 'spark' -%}get_json_object({{ json }}, '$.{{ path }}')
  {%- else -%}json_extract_string({{ json }}, '$.{{ path }}'){%- endif -%}
{%- endmacro %}

{#- The JSON value at a path. -#}
{% macro cairn_json(json, path) -%}
  {%- if target.type == 'postgres' -%}({{ json }} #> {{ cairn_pg_json_path(path) }})
  {%- elif target.type == 'spark' -%}get_json_object({{ json }}, '$.{{ path }}')
  {%- else -%}json_extract({{ json }}, '$.{{ path }}'){%- endif -%}
{%- endmacro %}

{#- The number at a JSON path as decimal(18, scale). -#}
{% macro cairn_json_number(json, path, scale=2) -%}
  cast({{ cairn_json_text(json, path) }} as decimal(18, {{ scale }}))
{%- endmacro %}

{#- The object without the given top-level keys. -#}
{% macro cairn_json_without_keys(json, keys) -%}
  {%- if target.type == 'postgres' -%}
  ({{ json }} - cast(array[{%- for key in keys -%}'{{ key }}'{%- if not loop.last -%},{%- endif -%}{%- endfor -%}] as text[]))
  {%- elif target.type == 'spark' -%}
  to_json(map_filter(from_json({{ json }}, 'map<string,variant>'),
                     (cairn_key, cairn_value) -> not cairn_key in ({%- for key in keys -%}'{{ key }}'{%- if not loop.last -%},{%- endif -%}{%- endfor -%})))
  {%- else -%}
  json_merge_patch({{ json }}, '{ {%- for key in keys -%}"{{ key }}":null{%- if not loop.last -%},{%- endif -%}{%- endfor -%} }')
  {%- endif -%}
{%- endmacro %}

{#- A JSON array value as the engine's array of elements; NULL, JSON null (and, on PostgreSQL, any non-array)
    count as empty. -#}
{% macro cairn_json_array(json) -%}
  {%- if target.type == 'postgres' -%}
  (case when jsonb_typeof({{ json }}) = 'array' then {{ json }} else cast('[]' as jsonb) end)
  {%- elif target.type == 'spark' -%}
  coalesce(from_json({{ json }}, 'array<string>'), array())
  {%- else -%}
  cast(coalesce({{ json }}, '[]') as json[])
  {%- endif -%}
{%- endmacro %}

{#- One row per element of a JSON array column: `select <columns>, <element> [, <1-based index>] from <relation>`;
    rows whose array is empty or NULL produce nothing. -#}
{% macro cairn_json_rows(relation, columns, json, element, index=none) -%}
  {%- if target.type == 'postgres' -%}
  select {{ columns }}, cairn_elements.{{ element }}{%- if index %}, cairn_elements.{{ index }}{%- endif %}
  from {{ relation }}
  cross join lateral jsonb_array_elements({{ cairn_json_array(json) }})
    {%- if index %} with ordinality as cairn_elements({{ element }}, {{ index }}){%- else %} as cairn_elements({{ element }}){%- endif %}
  {%- elif target.type == 'spark' -%}
  select {{ columns }}, {{ element }}{%- if index %}, cairn_position + 1 as {{ index }}{%- endif %}
  from {{ relation }}
  lateral view posexplode({{ cairn_json_array(json) }}) cairn_elements as cairn_position, {{ element }}
  {%- else -%}
  select {{ columns }}, unnest({{ cairn_json_array(json) }}) as {{ element }}
    {%- if index %}, generate_subscripts({{ cairn_json_array(json) }}, 1) as {{ index }}{%- endif %}
  from {{ relation }}
  {%- endif -%}
{%- endmacro %}

{#- The sum over the elements of a JSON array of `expression`, which reads one element as `alias`; NULL when
    the array is empty. -#}
{% macro cairn_json_array_sum(json, alias, expression) -%}
  {%- if target.type == 'postgres' -%}
  (select sum({{ expression }}) from jsonb_array_elements({{ cairn_json_array(json) }}) as cairn_items({{ alias }}))
  {%- elif target.type == 'spark' -%}
  aggregate(transform({{ cairn_json_array(json) }}, {{ alias }} -> cast({{ expression }} as decimal(38, 10))),
            cast(null as decimal(38, 10)),
            (cairn_sum, cairn_item) -> cast(case when cairn_item is null then cairn_sum when cairn_sum is null
                                                 then cairn_item else cairn_sum + cairn_item end as decimal(38, 10)))
  {%- else -%}
  list_sum(list_transform({{ cairn_json_array(json) }}, lambda {{ alias }}: {{ expression }}))
  {%- endif -%}
{%- endmacro %}

{#- The top-level keys of a JSON object, one row each (a set-returning select-list expression). -#}
{% macro cairn_json_keys(json) -%}
  {%- if target.type == 'postgres' -%}jsonb_object_keys({{ json }})
  {%- elif target.type == 'spark' -%}explode(json_object_keys({{ json }}))
  {%- else -%}unnest(json_keys({{ json }})){%- endif -%}
{%- endmacro %}

{#- cast(text as type), NULL instead of an error when the text is not of that type. PostgreSQL 14 has no try-cast:
    the text is checked against the type's literal form first (bigint, decimal, date, timestamp). -#}
{% macro cairn_try_cast(expression, type) -%}
  {%- if target.type == 'postgres' -%}
    {%- set base = type | lower -%}
    {%- if 'int' in base -%}{%- set form = '^[+-]?[0-9]+$' -%}
    {%- elif 'decimal' in base or 'numeric' in base -%}{%- set form = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' -%}
    {%- elif base == 'date' -%}{%- set form = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' -%}
    {%- else -%}{%- set form = '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?$' -%}
    {%- endif -%}
  (case when trim({{ expression }}) ~ '{{ form }}' then cast(trim({{ expression }}) as {{ type }}) end)
  {%- elif target.type == 'spark' -%}
  try_cast({{ expression }} as {{ cairn_type(type) }})
  {%- else -%}
  try_cast({{ expression }} as {{ type }})
  {%- endif -%}
{%- endmacro %}

{#- `expression + n unit` (unit: day, hour, month, ...), n may be negative. -#}
{% macro cairn_date_add(expression, n, unit) -%}
  ({{ expression }} + interval '{{ n }} {{ unit }}')
{%- endmacro %}

{#- Whole days or seconds from `start` to `end` (DuckDB's date_diff: boundaries crossed). -#}
{% macro cairn_date_diff(unit, start, end) -%}
  {%- if target.type == 'postgres' and unit == 'day' -%}
  (cast({{ end }} as date) - cast({{ start }} as date))
  {%- elif target.type == 'postgres' -%}
  cast(floor(extract(epoch from {{ end }})) - floor(extract(epoch from {{ start }})) as bigint)
  {%- elif target.type == 'spark' and unit == 'day' -%}
  datediff(cast({{ end }} as date), cast({{ start }} as date))
  {%- elif target.type == 'spark' and unit == 'second' -%}
  (unix_timestamp({{ end }}) - unix_timestamp({{ start }}))
  {%- elif target.type == 'spark' -%}
  {{ exceptions.raise_compiler_error("cairn_date_diff on Spark supports the units day and second, not " ~ unit) }}
  {%- else -%}
  date_diff('{{ unit }}', {{ start }}, {{ end }})
  {%- endif -%}
{%- endmacro %}

{#- A date or timestamp formatted with strftime codes (%Y %m %d %H %M %S), in the session's zone (UTC). -#}
{% macro cairn_format_date(expression, format) -%}
  {%- if target.type == 'postgres' -%}
  to_char({{ expression }}, '{{ format | replace('%Y', 'YYYY') | replace('%m', 'MM') | replace('%d', 'DD')
      | replace('%H', 'HH24') | replace('%M', 'MI') | replace('%S', 'SS') }}')
  {%- elif target.type == 'spark' -%}
  date_format({{ expression }}, '{{ format | replace('%Y', 'yyyy') | replace('%m', 'MM') | replace('%d', 'dd')
      | replace('%H', 'HH') | replace('%M', 'mm') | replace('%S', 'ss') }}')
  {%- else -%}
  strftime({{ expression }}, '{{ format }}')
  {%- endif -%}
{%- endmacro %}

{#- A FROM item: one row per day from `start` to `end` (dates), as `alias(column)` of timestamps. -#}
{% macro cairn_day_series(start, end, alias, column) -%}
  {%- if target.type == 'postgres' -%}
  generate_series(cast({{ start }} as timestamp), cast({{ end }} as timestamp), interval '1 day') as {{ alias }}({{ column }})
  {%- elif target.type == 'spark' -%}
  lateral (select explode(sequence(cast({{ start }} as timestamp), cast({{ end }} as timestamp), interval 1 day))
                  as {{ column }}) {{ alias }}
  {%- else -%}
  unnest(generate_series(cast({{ start }} as timestamp), cast({{ end }} as timestamp),
                         interval 1 day)) as {{ alias }}({{ column }})
  {%- endif -%}
{%- endmacro %}

{#- The English name of the weekday. -#}
{% macro cairn_dayname(expression) -%}
  {%- if target.type == 'postgres' -%}to_char({{ expression }}, 'FMDay')
  {%- elif target.type == 'spark' -%}date_format({{ expression }}, 'EEEE')
  {%- else -%}dayname({{ expression }}){%- endif -%}
{%- endmacro %}

{#- One of the group's values; use where the value is the same on every row of the group. -#}
{% macro cairn_any_value(expression) -%}
  {%- if target.type == 'postgres' -%}min({{ expression }}){%- else -%}any_value({{ expression }}){%- endif -%}
{%- endmacro %}

{#- The value of the row with the largest (arg_max) or smallest (arg_min) key; rows where either is NULL are
    skipped (DuckDB's arg_max); `where` filters the rows. Rows tied on the key resolve to whichever row an engine
    meets first, unless `tiebreak` (an ascending order expression) decides. -#}
{% macro cairn_arg_max(value, key, where=none, tiebreak=none) -%}
  {{ cairn_arg_pick(value, key, 'desc', 'arg_max', where, tiebreak) }}
{%- endmacro %}

{% macro cairn_arg_min(value, key, where=none, tiebreak=none) -%}
  {{ cairn_arg_pick(value, key, 'asc', 'arg_min', where, tiebreak) }}
{%- endmacro %}

{% macro cairn_arg_pick(value, key, direction, duckdb_function, where, tiebreak) -%}
  {%- set order = key ~ ' ' ~ direction ~ (', ' ~ tiebreak if tiebreak else '') -%}
  {%- set rows = value ~ ' is not null and ' ~ key ~ ' is not null' ~ (' and (' ~ where ~ ')' if where else '') -%}
  {%- if target.type == 'postgres' -%}
  (array_agg({{ value }} order by {{ order }}) filter (where {{ rows }}))[1]
  {%- elif target.type == 'spark' and tiebreak -%}
  {%- set before = '<' if direction == 'asc' else '>' -%}
  {%- set after = '>' if direction == 'asc' else '<' -%}
  element_at(array_sort(collect_list(case when {{ rows }} then named_struct('k', {{ key }}, 't', {{ tiebreak }}, 'v', {{ value }}) end),
             (cairn_a, cairn_b) -> case when cairn_a.k {{ before }} cairn_b.k then -1 when cairn_a.k {{ after }} cairn_b.k
                            then 1 when cairn_a.t < cairn_b.t then -1 when cairn_a.t > cairn_b.t then 1 else 0 end), 1).v
  {%- elif target.type == 'spark' -%}
  {{ 'max_by' if direction == 'desc' else 'min_by' }}({{ value }}, {{ key }}) filter (where {{ rows }})
  {%- elif tiebreak -%}
  first({{ value }} order by {{ order }}) filter (where {{ rows }})
  {%- else -%}
  {{ duckdb_function }}({{ value }}, {{ key }}){%- if where %} filter (where {{ where }}){%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- The newest non-NULL value by `key` (DuckDB: any_value(... order by key desc)). -#}
{% macro cairn_latest_value(value, key) -%}
  {%- if target.type == 'postgres' -%}
  (array_agg({{ value }} order by {{ key }} desc nulls last) filter (where {{ value }} is not null))[1]
  {%- elif target.type == 'spark' -%}
  max_by({{ value }}, {{ key }}) filter (where {{ value }} is not null)
  {%- else -%}
  any_value({{ value }} order by {{ key }} desc)
  {%- endif -%}
{%- endmacro %}

{#- The sorted distinct values of the group as a list (DuckDB list, PostgreSQL array). -#}
{% macro cairn_list_distinct(expression) -%}
  {%- if target.type == 'postgres' -%}array_agg(distinct {{ expression }} order by {{ expression }})
  {%- elif target.type == 'spark' -%}array_sort(collect_set({{ expression }}))
  {%- else -%}list(distinct {{ expression }} order by {{ expression }}){%- endif -%}
{%- endmacro %}

{#- The median of the group (PostgreSQL: continuous percentile, double precision). -#}
{% macro cairn_median(expression) -%}
  {%- if target.type in ('postgres', 'spark') -%}percentile_cont(0.5) within group (order by {{ expression }})
  {%- else -%}median({{ expression }}){%- endif -%}
{%- endmacro %}

{#- Division in double precision, as DuckDB's `/` always is (PostgreSQL divides integers as integers, Spark
    divides decimals as decimals). -#}
{% macro cairn_fdiv(numerator, denominator) -%}
  {%- if target.type == 'postgres' -%}
  (cast({{ numerator }} as double precision) / cast({{ denominator }} as double precision))
  {%- elif target.type == 'spark' -%}
  (cast({{ numerator }} as double) / cast({{ denominator }} as double))
  {%- else -%}
  {{ numerator }} / {{ denominator }}
  {%- endif -%}
{%- endmacro %}

{#- cast(double as decimal(precision, scale)) rounded as DuckDB does: the double times 10^scale, ties away from
    zero. PostgreSQL's own cast goes through 15 significant digits first and rounds 0.285 (a double just under it)
    to 0.29 where DuckDB gives 0.28; this spells DuckDB's rule out so both engines agree to the last digit. -#}
{% macro cairn_decimal_from_double(expression, precision, scale) -%}
  {%- if target.type == 'postgres' -%}
    {%- set scaled = '(abs(cast(' ~ expression ~ ' as double precision)) * 1e' ~ scale ~ ')' -%}
  cast(cast(sign(cast({{ expression }} as double precision)) as numeric)
       * cast(trunc({{ scaled }}) + case when {{ scaled }} - trunc({{ scaled }}) >= 0.5 then 1 else 0 end as numeric)
       / 1e{{ scale }} as decimal({{ precision }}, {{ scale }}))
  {%- elif target.type == 'spark' -%}
    {#- decimal(precision, 0) / int keeps every digit; a decimal(38, 0) numerator would make Spark cut the
        quotient's scale to 6. -#}
    {%- set scaled = '(abs(cast(' ~ expression ~ ' as double)) * 1e' ~ scale ~ ')' -%}
  cast(cast(signum(cast({{ expression }} as double))
            * (floor({{ scaled }}) + case when {{ scaled }} - floor({{ scaled }}) >= 0.5 then 1 else 0 end)
            as decimal({{ precision }}, 0)) / {{ 10 ** scale }} as decimal({{ precision }}, {{ scale }}))
  {%- else -%}
  cast({{ expression }} as decimal({{ precision }}, {{ scale }}))
  {%- endif -%}
{%- endmacro %}

{#- Keeps the latest version of each record of `relation` (QUALIFY on DuckDB; PostgreSQL and Spark have none). -#}
{% macro cairn_latest_rows(relation, partition_by, order_by) -%}
  {%- if target.type in ('postgres', 'spark') -%}
  select * from (
    select *, row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as cairn_version_rank
    from {{ relation }} cairn_raw
  ) cairn_versions
  where cairn_version_rank = 1
  {%- else -%}
  select *
  from {{ relation }}
  qualify row_number() over (
      partition by {{ partition_by }}
      order by {{ order_by }}) = 1
  {%- endif -%}
{%- endmacro %}

{#- The values of the group joined with `separator`, in `order_by` order, of the rows where `where` holds. -#}
{% macro cairn_string_agg(expression, separator, order_by, where=none) -%}
  {%- if target.type == 'spark' -%}
  listagg({{ expression }}, {{ separator }}) within group (order by {{ order_by }})
  {%- else -%}
  string_agg({{ expression }}, {{ separator }} order by {{ order_by }})
  {%- endif -%}
  {%- if where %} filter (where {{ where }}){%- endif -%}
{%- endmacro %}

{#- A regular-expression replacement of every match (DuckDB and PostgreSQL need the 'g' flag). -#}
{% macro cairn_regexp_replace_all(expression, pattern, replacement) -%}
  {%- if target.type == 'spark' -%}regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }})
  {%- else -%}regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }}, 'g'){%- endif -%}
{%- endmacro %}

{#- The calendar date of an instant in the time zone `zone` (an IANA name). -#}
{% macro cairn_date_in_zone(instant, zone) -%}
  {%- if target.type == 'spark' -%}cast(from_utc_timestamp({{ instant }}, {{ zone }}) as date)
  {%- else -%}cast(timezone({{ zone }}, {{ instant }}) as date){%- endif -%}
{%- endmacro %}

{#- The instant of a local wall-clock timestamp (no zone) in the time zone `zone`. -#}
{% macro cairn_instant_from_local(local, zone) -%}
  {%- if target.type == 'spark' -%}to_utc_timestamp({{ local }}, {{ zone }})
  {%- else -%}timezone({{ zone }}, {{ local }}){%- endif -%}
{%- endmacro %}
