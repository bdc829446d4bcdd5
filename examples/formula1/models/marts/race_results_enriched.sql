with results as (

    select * from {{ ref('int_results_joined') }}

),

pit_stops as (

    select * from {{ ref('int_pit_stops_per_result') }}

),

circuits as (

    select * from {{ ref('stg_circuits') }}

),

enriched as (

    select
        results.result_id,
        results.race_id,
        results.race_year,
        results.race_round,
        results.race_name,
        results.race_date,
        circuits.circuit_name,
        circuits.circuit_country,
        results.driver_id,
        results.driver_name,
        results.driver_code,
        results.constructor_id,
        results.constructor_name,
        results.grid_position,
        results.finishing_position,
        results.position_order,
        results.positions_gained,
        results.points,
        results.status,
        results.is_classified,
        results.is_win,
        results.is_podium,
        results.laps_completed,
        results.race_time_seconds,
        results.fastest_lap_seconds,
        coalesce(results.fastest_lap_rank = 1, false) as set_fastest_lap,
        coalesce(pit_stops.pit_stop_count, 0) as pit_stop_count,
        pit_stops.total_pit_seconds,
        pit_stops.fastest_pit_stop_seconds

    from results
    left join pit_stops
        on results.race_id = pit_stops.race_id
        and results.driver_id = pit_stops.driver_id
    left join circuits
        on results.circuit_id = circuits.circuit_id

)

select * from enriched
