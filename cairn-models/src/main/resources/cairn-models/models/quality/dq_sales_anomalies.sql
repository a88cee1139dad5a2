{#-
  Volume and revenue anomalies per tenant and day, against the tenant's own history: the value of a day is
  compared with the same weekday of the trailing var('cairn_dq_anomaly_weeks') weeks, using their median and MAD
  (robust: one bad week in the baseline moves neither). A day is anomalous when |value - median| exceeds both
  var('cairn_dq_anomaly_z') * 1.4826 * MAD and var('cairn_dq_anomaly_min_change') * median. Days with fewer than
  var('cairn_dq_anomaly_min_weeks') same-weekday points are not evaluated, so a new tenant raises nothing and a
  quiet Sunday is compared with Sundays. Days without sales count as 0 between a tenant's first and last day.
  Metrics: orders (count) and revenue (net in the reporting currency).
-#}
{%- set weeks = var('cairn_dq_anomaly_weeks') %}
with daily as (
  select tenant_id, sales_date, sum(orders) as orders, sum(net_reporting) as revenue
  from {{ ref('fct_sales_by_day') }}
  group by 1, 2
),
spans as (
  select tenant_id, min(sales_date) as first_date, max(sales_date) as last_date
  from daily
  group by 1
),
calendar as (
  select s.tenant_id, cast(d.day as date) as sales_date, s.last_date
  from spans s, {{ cairn_day_series('s.first_date', 's.last_date', 'd', 'day') }}
),
series as (
  select c.tenant_id, c.sales_date, c.last_date, m.metric,
         cast(case m.metric when 'orders' then coalesce(d.orders, 0) else coalesce(d.revenue, 0) end
              as decimal(20, 4)) as value
  from calendar c
  cross join (values ('orders'), ('revenue')) m(metric)
  left join daily d on d.tenant_id = c.tenant_id and d.sales_date = c.sales_date
),
history as (
  select cur.tenant_id, cur.metric, cur.sales_date, past.value as past_value
  from series cur
  join series past on past.tenant_id = cur.tenant_id and past.metric = cur.metric
                  and past.sales_date < cur.sales_date
                  and past.sales_date >= cur.sales_date - {{ 7 * weeks }}
                  and {{ cairn_date_diff('day', 'past.sales_date', 'cur.sales_date') }} % 7 = 0
),
baseline as (
  select tenant_id, metric, sales_date, {{ cairn_median('past_value') }} as median_value, count(*) as history_weeks
  from history
  group by 1, 2, 3
),
spread as (
  select h.tenant_id, h.metric, h.sales_date, {{ cairn_median('abs(h.past_value - b.median_value)') }} as mad
  from history h
  join baseline b on b.tenant_id = h.tenant_id and b.metric = h.metric and b.sales_date = h.sales_date
  group by 1, 2, 3
),
scored as (
  select s.tenant_id, s.metric, s.sales_date, {{ cairn_dayname('s.sales_date') }} as weekday, s.value,
         coalesce(b.history_weeks, 0) as history_weeks, b.median_value, p.mad,
         greatest({{ var('cairn_dq_anomaly_z') }} * 1.4826 * p.mad,
                  {{ var('cairn_dq_anomaly_min_change') }} * abs(b.median_value)) as allowed_deviation,
         s.sales_date > s.last_date - {{ var('cairn_dq_anomaly_window_days') }} as in_window
  from series s
  left join baseline b on b.tenant_id = s.tenant_id and b.metric = s.metric and b.sales_date = s.sales_date
  left join spread p on p.tenant_id = s.tenant_id and p.metric = s.metric and p.sales_date = s.sales_date
)
select tenant_id, metric, sales_date, weekday, value, history_weeks,
       cast(median_value as decimal(20, 4)) as median_value,
       cast(mad as decimal(20, 4)) as mad,
       cast(median_value - allowed_deviation as decimal(20, 4)) as lower_bound,
       cast(median_value + allowed_deviation as decimal(20, 4)) as upper_bound,
       cast(case when mad > 0 then (value - median_value) / (1.4826 * mad) end as decimal(20, 4)) as robust_z,
       history_weeks >= {{ var('cairn_dq_anomaly_min_weeks') }} as evaluated,
       history_weeks >= {{ var('cairn_dq_anomaly_min_weeks') }}
         and abs(value - median_value) > allowed_deviation as is_anomaly,
       in_window
from scored
