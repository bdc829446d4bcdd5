with pit_stops as (

    select * from {{ ref('stg_pit_stops') }}

),

per_driver_and_race as (

    select
        race_id,
        driver_id,
        count(*) as pit_stop_count,
        sum(pit_stop_seconds) as total_pit_seconds,
        min(pit_stop_seconds) as fastest_pit_stop_seconds

    from pit_stops
    group by race_id, driver_id

)

select * from per_driver_and_race
