{#-
  The model-based data-quality checks, one row per check, checked relation and tenant, in the shape of
  ops.dq_results (the platform adds the run id and time and appends them, with the data tests and source
  freshness): reconciliation, sales anomalies, late-arriving records and schema drift. Severity per kind of check
  from var('cairn_dq_severity').
-#}
{%- set recent_hours = var('cairn_dq_recent_hours') %}
{%- set text = cairn_string() %}
{%- set window_days = var('cairn_dq_anomaly_window_days') %}
with reconciliation as (
  select tenant_id, domain, metric, 'marts.' || model as model, max(tolerance) as tolerance,
         max(difference) as max_difference, count(*) as periods,
         count(*) filter (where not within_tolerance) as periods_off,
         {{ cairn_arg_min("cast(period as " ~ text ~ ") || coalesce(' ' || currency, '') || ': mart '
                 || coalesce(cast(mart_value as " ~ text ~ "), 'none') || ' vs staging '
                 || coalesce(cast(staging_value as " ~ text ~ "), 'none')", 'period', 'not within_tolerance') }}
           as first_off
  from {{ ref('dq_reconciliation') }}
  group by tenant_id, domain, metric, model
),
anomaly_days as (
  select *,
         count(case when is_anomaly and in_window then 1 end) over (partition by tenant_id, metric) as anomalous_days,
         row_number() over (partition by tenant_id, metric
                            order by (is_anomaly and in_window) desc nulls last, sales_date desc) as pick
  from {{ ref('dq_sales_anomalies') }}
),
anomalies as (
  select * from anomaly_days where pick = 1
),
streams as (
  select tenant_id, source_system, stream, max(loaded_at) as newest_load
  from {{ ref('dq_stream_loads') }}
  group by 1, 2, 3
),
recent_loads as (
  select l.tenant_id, l.source_system, l.stream, l.load_id
  from {{ ref('dq_stream_loads') }} l
  join streams s on s.tenant_id = l.tenant_id and s.source_system = l.source_system and s.stream = l.stream
  where l.loaded_at >= {{ cairn_date_add('s.newest_load', -recent_hours, 'hour') }}
),
late_totals as (
  select tenant_id, source_system, stream, count(*) as all_late
  from {{ ref('dq_late_arriving_records') }}
  group by 1, 2, 3
),
late as (
  {#- all_late comes from a join, not a correlated subquery: Spark allows none in an aggregating select. -#}
  select s.tenant_id, s.source_system, s.stream,
         count(r.load_id) as recent_late,
         max(l.days_behind_stream) filter (where r.load_id is not null) as max_days_behind,
         coalesce(max(t.all_late), 0) as all_late
  from streams s
  left join {{ ref('dq_late_arriving_records') }} l
    on l.tenant_id = s.tenant_id and l.source_system = s.source_system and l.stream = s.stream
  left join recent_loads r on r.load_id = l.load_id and r.tenant_id = l.tenant_id
  left join late_totals t on t.tenant_id = s.tenant_id and t.source_system = s.source_system and t.stream = s.stream
  group by 1, 2, 3
),
drift as (
  select s.tenant_id, s.source_system, s.stream, count(r.load_id) as recent_changes,
         {{ cairn_string_agg("c.change_type || ' ' || c.field", "', '", 'c.load_seq, c.change_type, c.field',
                             'r.load_id is not null') }} as change_list
  from streams s
  left join {{ ref('dq_schema_changes') }} c
    on c.tenant_id = s.tenant_id and c.source_system = s.source_system and c.stream = s.stream
  left join recent_loads r on r.load_id = c.load_id and r.tenant_id = c.tenant_id
  group by 1, 2, 3
)
select {{ dq_check_row("'reconcile_' || domain || '_' || metric", 'model', 'reconciliation', 'periods_off > 0',
                       'max_difference', 'tolerance',
                       "cast(periods_off as " ~ text ~ ") || ' of ' || cast(periods as " ~ text ~ ") || ' periods off'
                        || coalesce('; first ' || first_off, '')") }}
from reconciliation
union all
select {{ dq_check_row("case metric when 'orders' then 'order_volume_anomaly' else 'revenue_anomaly' end",
                       "'marts.fct_sales_by_day'", 'anomaly', 'is_anomaly and in_window',
                       'case when evaluated then value else history_weeks end',
                       "case when not evaluated then " ~ var('cairn_dq_anomaly_min_weeks')
                        ~ " when value < median_value then lower_bound else upper_bound end",
                       "case when not evaluated then 'not evaluated: ' || cast(history_weeks as " ~ text ~ ")
                          || ' same-weekday days of history on ' || cast(sales_date as " ~ text ~ ")
                        else cast(sales_date as " ~ text ~ ") || ' (' || weekday || '): ' || cast(value as " ~ text ~ ")
                          || ' vs median ' || cast(median_value as " ~ text ~ ") || ' (MAD ' || cast(mad as " ~ text ~ ")
                          || ', ' || cast(history_weeks as " ~ text ~ ") || ' weeks); ' || cast(anomalous_days as " ~ text ~ ")
                          || ' anomalous days in the last " ~ window_days ~ "' end") }}
from anomalies
union all
select {{ dq_check_row("'late_arriving_records'", "'raw.' || source_system || '__' || stream",
                       'late_arriving_records', 'recent_late > 0', 'recent_late', '0',
                       "cast(recent_late as " ~ text ~ ") || ' late records in the loads of the last " ~ recent_hours
                        ~ " h' || coalesce(' (up to ' || cast(max_days_behind as " ~ text ~ ")
                        || ' days behind the stream)', '')
                        || ', ' || cast(all_late as " ~ text ~ ") || ' in all'") }}
from late
union all
select {{ dq_check_row("'schema_drift'", "'raw.' || source_system || '__' || stream", 'schema_drift',
                       'recent_changes > 0', 'recent_changes', '0',
                       "coalesce(change_list, 'no new or vanished fields in the loads of the last " ~ recent_hours
                        ~ " h')") }}
from drift
