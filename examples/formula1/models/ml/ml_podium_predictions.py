# Applies the stored classifier to every later season: the probability of a podium from the form before the race.
import base64
import pickle


def model(dbt, session):
    dbt.config(materialized="table", packages=["scikit-learn"])
    stored = dbt.ref("ml_podium_model").to_pandas()
    classifier = pickle.loads(base64.b64decode(stored["model_pickle_b64"][0]))
    features = stored["features"][0].split(",")
    rows = dbt.ref("ml_driver_form").to_pandas()
    rows = rows[(rows["race_year"] > stored["trained_on_season"][0]) & rows["grid_position"].notna()].copy()
    rows["podium_probability"] = classifier.predict_proba(rows[features])[:, 1]
    rows["predicted_podium"] = rows["podium_probability"] >= 0.5
    return rows[["result_id", "race_id", "race_year", "driver_id", "grid_position", "podium_probability",
                 "predicted_podium", "is_podium"]]
