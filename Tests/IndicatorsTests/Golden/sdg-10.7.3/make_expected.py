"""Independent pandas computation of SDG 10.7.3 totals by year for every real IOM Missing
Migrants export in ../shared/realdata/missing_migrants/ (read in place, never copied).

Rule (IOM / methodology.md §2): per incident, the stated total when the export has a total
column and the cell is filled, else dead + missing with blanks as 0 (a row with both blank
contributes nothing). Negative counts are used as published (cifra --negative keep).
Cuts: all incidents; the US-Mexico border (region 'US-Mexico Border' in the 2019/2020
website exports, route 'US-Mexico border crossing' in the newer ones).
Run: python3 make_expected.py  → expected.csv (file, cut, year, incidents, total)
"""
import os
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
folder = os.path.join(here, "../../../../../shared/realdata/missing_migrants")
files = {
    "MissingMigrants-Global-2019-03-29T18-36-07.csv": ("utf-8-sig", "Reported Year", "Region of Incident", "US-Mexico Border"),
    "MissingMigrants-Global-2020-01-08T14-05-32.csv": ("utf-8", "Reported Year", "Region of Incident", "US-Mexico Border"),
    "Missing_Migrants_Global_Figures.csv": ("cp1252", "Incident year", "Migration route", "US-Mexico border crossing"),
    "MissingMigrants-Global-2026-05-06--19_42_11.csv": ("utf-8", "Year", "Migration route", "US-Mexico border crossing"),
}
rows = []
for name, (encoding, year, cut_column, cut_value) in files.items():
    df = pd.read_csv(os.path.join(folder, name), encoding=encoding, thousands=",", keep_default_na=False, na_values=[""])
    dead = next(c for c in ["Number of Dead", "Number Dead"] if c in df)
    missing = "Minimum Estimated Number of Missing"
    total_column = next((c for c in ["Total Number of Dead and Missing", "Total Dead and Missing"] if c in df), None)
    computed = df[dead].fillna(0) + df[missing].fillna(0)
    computed[df[dead].isna() & df[missing].isna()] = 0
    total = df[total_column].fillna(computed) if total_column else computed
    df = df.assign(_total=total.astype("int64"))
    for cut, part in [("all", df), ("us-mexico", df[df[cut_column] == cut_value])]:
        summary = part.groupby(year).agg(incidents=("_total", "size"), total=("_total", "sum"))
        for y, r in summary.iterrows():
            rows.append((name, cut, int(y), int(r.incidents), int(r.total)))
pd.DataFrame(rows, columns=["file", "cut", "year", "incidents", "total"]).to_csv(os.path.join(here, "expected.csv"), index=False)
