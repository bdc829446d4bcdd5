with source as (

    select * from {{ ref('circuits') }}

),

renamed as (

    select
        circuit_id,
        circuit_ref,
        name as circuit_name,
        location as circuit_location,
        country as circuit_country,
        lat as latitude,
        lng as longitude,
        altitude as altitude_metres

    from source

)

select * from renamed
