-- How the podium model did on the season it never saw, one row per season.
select
    race_year,
    count(*) as predictions,
    sum(case when predicted_podium = is_podium then 1 else 0 end) as correct,
    round(avg(case when predicted_podium = is_podium then 1.0 else 0.0 end), 3) as accuracy,
    sum(case when predicted_podium then 1 else 0 end) as predicted_podiums,
    sum(case when is_podium then 1 else 0 end) as actual_podiums
from {{ ref('ml_podium_predictions') }}
group by race_year
