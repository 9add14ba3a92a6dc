"""Independent pandas/numpy computation of the growth goldens for Banxico monthly remittances.

Input: ../shared/realdata/mexico_remittances/remesas_mensuales.csv (read in place).
Run from the package root:  python3 Tests/IndicatorsTests/Golden/growth/make_expected.py
Writes yoy_monthly.csv, pop_annual.csv, least_squares_annual.csv beside this script.
Method (documented differences from pandas defaults): lags are calendar lags (the month
12 months earlier must exist), growth = (x - base) / base * 100, a zero base gives no value.
"""
import os
import numpy as np
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "../../../../../shared/realdata/mexico_remittances/remesas_mensuales.csv")
df = pd.read_csv(source, keep_default_na=False)
df["month"] = pd.PeriodIndex(pd.to_datetime(df["PERIODO"]), freq="M")

rows = []
for flujo, g in df.groupby("FLUJO", sort=False):
    s = g.set_index("month")["VALOR_USD"].astype(float)
    base = s.reindex(s.index - 12)  # calendar lag: month t-12, NaN when absent
    growth = (s.values - base.values) / base.values * 100
    for period, value, gr in zip(s.index, s.values, growth):
        rows.append((flujo, str(period), value, gr))
pd.DataFrame(rows, columns=["FLUJO", "period", "value", "growth_pct"]).to_csv(
    os.path.join(here, "yoy_monthly.csv"), index=False, float_format="%.17g")

rows, ls = [], []
for flujo, g in df.groupby("FLUJO", sort=False):
    g = g.assign(year=g["month"].dt.year)
    annual = g.groupby("year")["VALOR_USD"].agg(["sum", "count"])
    annual = annual[annual["count"] == 12]["sum"].astype(float)  # complete years only
    base = annual.reindex(annual.index - 1)
    growth = (annual.values - base.values) / base.values * 100
    for year, value, gr in zip(annual.index, annual.values, growth):
        rows.append((flujo, int(year), value, gr))
    t = (annual.index.values - annual.index.values[0]).astype(float)
    y = np.log(annual.values)
    b, a = np.polyfit(t, y, 1)
    fitted = a + b * t
    r2 = 1 - ((y - fitted) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    ls.append((flujo, int(annual.index[0]), int(annual.index[-1]), len(annual), (np.exp(b) - 1) * 100, r2))
pd.DataFrame(rows, columns=["FLUJO", "period", "value", "growth_pct"]).to_csv(
    os.path.join(here, "pop_annual.csv"), index=False, float_format="%.17g")
pd.DataFrame(ls, columns=["FLUJO", "from", "to", "n", "least_squares_pct", "r_squared"]).to_csv(
    os.path.join(here, "least_squares_annual.csv"), index=False, float_format="%.17g")
