select id as customer_id, first_name, last_name, signup_date
from {{ ref('raw_customers') }}
