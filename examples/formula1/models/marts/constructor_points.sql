with results as (

    select * from {{ ref('race_results_enriched') }}

),

season_totals as (

    select
        race_year as season,
        constructor_id,
        constructor_name,
        count(distinct driver_id) as drivers_used,
        sum(points) as points,
        sum(case when is_win then 1 else 0 end) as wins,
        sum(case when is_podium then 1 else 0 end) as podiums,
        sum(case when points > 0 and is_classified then 1 else 0 end) as points_finishes

    from results
    group by race_year, constructor_id, constructor_name

),

ranked as (

    select
        cast(season as varchar) || '-' || cast(constructor_id as varchar) as standing_id,
        season,
        rank() over (partition by season order by points desc, wins desc) as championship_position,
        constructor_id,
        constructor_name,
        drivers_used,
        points,
        wins,
        podiums,
        points_finishes

    from season_totals

)

select * from ranked
