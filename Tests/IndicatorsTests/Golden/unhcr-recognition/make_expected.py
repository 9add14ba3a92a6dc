"""Independent pandas computation of UNHCR RRR and TRR for Mexico as country of asylum, by
year, from ../shared/realdata/unhcr_asylum/asylum-decisions.csv (read in place).
RRR = recognized / (recognized + complementary + rejected) * 100; TRR adds complementary to the
numerator; otherwise closed excluded; cases (C) and persons (P) never added (grouped apart).
Run: python3 make_expected.py → mexico_by_year.csv
"""
import os
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(here, "../../../../../shared/realdata/unhcr_asylum/asylum-decisions.csv"), keep_default_na=False)
mex = df[df["Country of asylum (ISO)"] == "MEX"]
g = mex.groupby(["Year", "Cases / Persons"])[["Recognized decisions", "Complementary protection", "Rejected decisions", "Otherwise closed"]].sum()
d = g["Recognized decisions"] + g["Complementary protection"] + g["Rejected decisions"]
out = pd.DataFrame({
    "rrr_pct": 100 * g["Recognized decisions"] / d,
    "trr_pct": 100 * (g["Recognized decisions"] + g["Complementary protection"]) / d,
    "substantive": d,
}).reset_index()
out.to_csv(os.path.join(here, "mexico_by_year.csv"), index=False, float_format="%.17g")
