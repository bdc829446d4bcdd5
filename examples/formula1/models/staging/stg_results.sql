with source as (

    select * from {{ ref('results') }}

),

renamed as (

    select
        result_id,
        race_id,
        driver_id,
        constructor_id,
        number as car_number,
        grid as grid_position,
        -- empty for drivers who were not classified; position_order ranks everyone
        position as finishing_position,
        position_order,
        points,
        laps as laps_completed,
        milliseconds as race_time_ms,
        {{ ms_to_seconds('milliseconds') }} as race_time_seconds,
        {{ ms_to_seconds('fastest_lap_ms') }} as fastest_lap_seconds,
        fastest_lap_rank,
        status_id

    from source

)

select * from renamed
