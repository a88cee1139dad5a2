select
    id as order_id,
    user_id as customer_id,
    order_date,
    status,
    {{ status_rank('status') }} as status_rank
from {{ ref('raw_orders') }}
