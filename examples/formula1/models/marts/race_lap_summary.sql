{#-
    Incremental: each run adds the races that are not in the table yet (by race date), and re-summarises a race
    whose results were corrected (merge on race_id). A full refresh rebuilds it from scratch.
-#}
{{ config(
    materialized='incremental',
    unique_key='race_id',
    incremental_strategy='merge',
    on_schema_change='append_new_columns'
) }}

with results as (

    select * from {{ ref('race_results_enriched') }}

    {% if is_incremental() %}
    where race_date >= (select coalesce(max(race_date), date '1900-01-01') from {{ this }})
    {% endif %}

)

select
    race_id,
    min(race_year) as race_year,
    min(race_name) as race_name,
    min(race_date) as race_date,
    count(*) as starters,
    count(*) filter (where status = 'Finished') as finishers,
    sum(points) as points_awarded,
    sum(pit_stop_count) as pit_stops
from results
group by race_id
