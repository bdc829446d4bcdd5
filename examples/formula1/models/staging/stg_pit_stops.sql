with source as (

    select * from {{ ref('pit_stops') }}

),

renamed as (

    select
        cast(race_id as varchar) || '-' || cast(driver_id as varchar) || '-' || cast(stop as varchar)
            as pit_stop_id,
        race_id,
        driver_id,
        stop as stop_number,
        lap,
        duration_ms,
        {{ ms_to_seconds('duration_ms') }} as pit_stop_seconds

    from source

)

select * from renamed
