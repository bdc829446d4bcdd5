with customers as (

    select * from {{ ref('stg_customers') }}

),

orders as (

    select * from {{ ref('stg_orders') }}

),

payments as (

    select * from {{ ref('stg_payments') }}

),

orders_per_customer as (

    select
        customer_id,
        min(order_date) as first_order,
        max(order_date) as most_recent_order,
        count(order_id) as number_of_orders

    from orders
    group by customer_id

),

payments_per_customer as (

    select
        orders.customer_id,
        sum(payments.amount) as total_paid

    from payments
    left join orders
        on payments.order_id = orders.order_id
    group by orders.customer_id

),

final as (

    select
        customers.customer_id,
        customers.first_name,
        customers.last_name,
        orders_per_customer.first_order,
        orders_per_customer.most_recent_order,
        orders_per_customer.number_of_orders,
        payments_per_customer.total_paid as customer_lifetime_value

    from customers
    left join orders_per_customer
        on customers.customer_id = orders_per_customer.customer_id
    left join payments_per_customer
        on customers.customer_id = payments_per_customer.customer_id

)

select * from final
