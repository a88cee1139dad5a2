{{ config(
    materialized='incremental',
    unique_key='order_id',
    incremental_strategy='merge',
    on_schema_change='append_new_columns'
) }}
-- the latest state per order; a late record (older updated_at, loaded later) never wins
with batch as (
    select order_id from {{ source('app', 'order_events') }}
    {% if is_incremental() %}
    where _loaded_at > (select coalesce(max(last_loaded_at), timestamp '1970-01-01') from {{ this }})
    {% endif %}
),
versions as (
    select
        e.*,
        max(e._loaded_at) over (partition by e.order_id) as last_loaded_at,
        row_number() over (partition by e.order_id order by e.updated_at desc, e._loaded_at desc) as rn
    from {{ source('app', 'order_events') }} e
    where e.order_id in (select order_id from batch)
)
select tenant_id, order_id, status, amount, updated_at, last_loaded_at
from versions
where rn = 1
