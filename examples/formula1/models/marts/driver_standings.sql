with results as (

    select * from {{ ref('race_results_enriched') }}

),

season_totals as (

    select
        race_year as season,
        driver_id,
        driver_name,
        count(*) as races_entered,
        sum(points) as points,
        sum(case when is_win then 1 else 0 end) as wins,
        sum(case when is_podium then 1 else 0 end) as podiums,
        sum(case when is_classified then 0 else 1 end) as retirements,
        min(finishing_position) as best_finish,
        round(avg(positions_gained), 2) as average_positions_gained

    from results
    group by race_year, driver_id, driver_name

),

ranked as (

    select
        cast(season as varchar) || '-' || cast(driver_id as varchar) as standing_id,
        season,
        rank() over (partition by season order by points desc, wins desc, podiums desc) as championship_position,
        driver_id,
        driver_name,
        races_entered,
        points,
        wins,
        podiums,
        retirements,
        best_finish,
        average_positions_gained

    from season_totals

)

select * from ranked
