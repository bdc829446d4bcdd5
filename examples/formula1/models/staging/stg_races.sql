with source as (

    select * from {{ ref('races') }}

),

renamed as (

    select
        race_id,
        year as race_year,
        round as race_round,
        circuit_id,
        name as race_name,
        date as race_date,
        start_time

    from source

)

select * from renamed
