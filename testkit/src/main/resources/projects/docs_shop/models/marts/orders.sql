with payments as (
    select order_id, sum(amount) as amount, count(*) as payment_count
    from {{ ref('stg_payments') }}
    group by order_id
)
select o.order_id, o.customer_id, o.order_date, o.status, coalesce(p.amount, 0) as amount,
       coalesce(p.payment_count, 0) as payment_count
from {{ ref('stg_orders') }} o
left join payments p using (order_id)
