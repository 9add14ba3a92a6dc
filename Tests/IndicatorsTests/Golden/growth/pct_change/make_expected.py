"""Differential golden: random monthly series with gaps, zeros, nulls and negative values,
and pandas' answer for calendar-aware period-over-period and year-over-year change.

Run from anywhere: python3 make_expected.py  (numpy seed 20261123; writes input.csv, expected.csv)

pandas semantics used: each series is reindexed onto its full monthly calendar, then
pct_change(periods=k, fill_method=None): a missing month is NaN, so the lag is by calendar.
Documented differences from Cifra (applied here so the files compare exactly):
  * pandas gives +/-inf (or NaN for 0/0) when the base is 0; Cifra gives null (note zero_base).
  * pandas computes x/base - 1; Cifra computes (x - base)/base (same value up to rounding;
    the test compares with a relative tolerance of 1e-12).
"""
import os
import numpy as np
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261123)
rows = []
for g in range(6):
    months = pd.period_range("2018-01", periods=60, freq="M")
    keep = rng.random(60) > 0.15                     # gaps: about 15 % of months absent
    values = np.round(rng.normal(100, 40, 60), 2)
    values[rng.random(60) < 0.05] = 0.0               # zero bases
    nulls = rng.random(60) < 0.05                     # null values (present month, blank value)
    for m, k, v, n in zip(months, keep, values, nulls):
        if k:
            rows.append((f"g{g}", str(m), None if n else v))
data = pd.DataFrame(rows, columns=["group", "period", "value"])
data.to_csv(os.path.join(here, "input.csv"), index=False, float_format="%.17g")

out = []
for g, part in data.groupby("group", sort=False):
    s = part.set_index(pd.PeriodIndex(part["period"], freq="M"))["value"].astype(float)
    full = s.reindex(pd.period_range(s.index.min(), s.index.max(), freq="M"))
    for k, name in [(1, "pop"), (12, "yoy")]:
        change = full.pct_change(periods=k, fill_method=None) * 100
        base = full.shift(k)
        change[base == 0] = np.nan                    # documented difference: zero base -> null
        change = change.reindex(s.index)
        for period, value in change.items():
            out.append((g, str(period), name, value))
pd.DataFrame(out, columns=["group", "period", "method", "growth_pct"]).to_csv(
    os.path.join(here, "expected.csv"), index=False, float_format="%.17g")
