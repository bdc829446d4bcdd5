-- Every point a driver scores also counts for the team they drove for, so each season both championships must
-- hand out the same total. Any row returned is a season where they disagree.
with drivers as (

    select season, sum(points) as points
    from {{ ref('driver_standings') }}
    group by season

),

constructors as (

    select season, sum(points) as points
    from {{ ref('constructor_points') }}
    group by season

)

select
    coalesce(drivers.season, constructors.season) as season,
    drivers.points as driver_points,
    constructors.points as constructor_points

from drivers
full outer join constructors
    on drivers.season = constructors.season
where drivers.points is distinct from constructors.points
