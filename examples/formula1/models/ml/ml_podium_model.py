# Trains a scikit-learn classifier on the 2023 season and stores it, pickled, in a one-row table.
import base64
import pickle

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = ["grid_position", "driver_form_3", "driver_points_before", "team_avg_grid"]


def model(dbt, session):
    dbt.config(materialized="table", packages=["pandas", "scikit-learn"], training_season=2023)
    features = dbt.ref("ml_driver_form").to_pandas()
    season = dbt.config.get("training_season")
    train = features[(features["race_year"] == season) & features["grid_position"].notna()]
    classifier = make_pipeline(StandardScaler(), LogisticRegression(random_state=0))
    classifier.fit(train[FEATURES], train["is_podium"].astype(int))
    return pd.DataFrame({
        "trained_on_season": [season],
        "training_rows": [len(train)],
        "training_accuracy": [float(classifier.score(train[FEATURES], train["is_podium"].astype(int)))],
        "features": [",".join(FEATURES)],
        "model_pickle_b64": [base64.b64encode(pickle.dumps(classifier)).decode("ascii")],
    })
