{{ config(materialized='ephemeral') }}

with results as (

    select * from {{ ref('stg_results') }}

),

races as (

    select * from {{ ref('stg_races') }}

),

drivers as (

    select * from {{ ref('stg_drivers') }}

),

constructors as (

    select * from {{ ref('stg_constructors') }}

),

status as (

    select * from {{ ref('stg_status') }}

),

joined as (

    select
        results.result_id,
        results.race_id,
        races.race_year,
        races.race_round,
        races.race_name,
        races.race_date,
        races.circuit_id,
        results.driver_id,
        drivers.driver_name,
        drivers.driver_code,
        results.constructor_id,
        constructors.constructor_name,
        results.grid_position,
        results.finishing_position,
        results.position_order,
        results.grid_position - results.position_order as positions_gained,
        results.points,
        results.laps_completed,
        results.race_time_seconds,
        results.fastest_lap_seconds,
        results.fastest_lap_rank,
        status.status,
        case
            when status.status = 'Finished' or status.status like '+% Lap%' then true
            else false
        end as is_classified,
        case when results.finishing_position = 1 then true else false end as is_win,
        case when results.finishing_position <= 3 then true else false end as is_podium

    from results
    inner join races
        on results.race_id = races.race_id
    inner join drivers
        on results.driver_id = drivers.driver_id
    inner join constructors
        on results.constructor_id = constructors.constructor_id
    left join status
        on results.status_id = status.status_id

)

select * from joined
