select payment_id, order_id, method as payment_method, {{ cents_to_dollars('amount_cents') }} as amount
from {{ source('stripe', 'payments') }}
