"""Independent check of two window rules (issue 14 item 1), plain Python, no Cifra code.

Input: datasets/mexico-remittances/remesas_mensuales.csv (Banxico monthly remittances).
Run from the package root: python3 Tests/IndicatorsTests/Golden/growth/make_window_checks.py
Prints:
- the year-to-date growth Jan-Jun 2022 over Jan-Jun 2021 for FLUJO=Ingresos (--ytd --to 2022-06);
- the YoY of 2026-01 over 2025-01 for FLUJO=Ingresos (--from 2026-01 still uses 2025 as base).
"""
import csv

rows = list(csv.DictReader(open("datasets/mexico-remittances/remesas_mensuales.csv", newline="")))
value = {(r["FLUJO"], r["PERIODO"][:7]): float(r["VALOR_USD"]) for r in rows}


def ytd(year, months=6):
    return sum(value[("Ingresos", f"{year}-{m:02d}")] for m in range(1, months + 1))


print("ytd_2022_jan_jun_pct", repr((ytd(2022) / ytd(2021) - 1) * 100))
print("yoy_2026_01_pct", repr((value[("Ingresos", "2026-01")] / value[("Ingresos", "2025-01")] - 1) * 100))
