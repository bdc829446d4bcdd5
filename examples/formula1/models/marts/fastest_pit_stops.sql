with pit_stops as (

    select * from {{ ref('stg_pit_stops') }}

),

results as (

    select * from {{ ref('int_results_joined') }}

),

stops_in_context as (

    select
        pit_stops.race_id,
        results.race_year,
        results.race_round,
        results.race_name,
        pit_stops.driver_id,
        results.driver_name,
        results.constructor_name,
        pit_stops.stop_number,
        pit_stops.lap,
        pit_stops.pit_stop_seconds,
        row_number() over (
            partition by pit_stops.race_id
            order by pit_stops.pit_stop_seconds, pit_stops.driver_id
        ) as rank_in_race

    from pit_stops
    inner join results
        on pit_stops.race_id = results.race_id
        and pit_stops.driver_id = results.driver_id

),

fastest_per_race as (

    select
        race_id,
        race_year,
        race_round,
        race_name,
        driver_id,
        driver_name,
        constructor_name,
        stop_number,
        lap,
        pit_stop_seconds,
        rank() over (partition by race_year order by pit_stop_seconds) as rank_in_season

    from stops_in_context
    where rank_in_race = 1

)

select * from fastest_per_race
