"""Independent count of the Banxico vintage revisions under diff's default tolerance rule.

Rule (docs/cli.md, `diff`): values within half a unit of the coarser vintage's last decimal
are unchanged. The old vintage (lapanquecita, USD millions, 4 decimals) is precise to
0.00005 million = USD 50; the new one (Banxico, whole USD) to USD 0.5; so the tolerance is
USD 50. Run from the package root: python3 Tests/CLITests/Golden/diff_default_tolerance.py
"""
import csv

root = "../shared/realdata/mexico_remittances/"
old = {}
decimals = 0
for row in csv.DictReader(open(root + "lapanquecita_2024-05-03/remesas_mensuales.csv", encoding="utf-8-sig")):
    month, _, year = row["fecha"].split("/")
    old["%s-%s" % (year, month)] = float(row["total"]) * 1e6
    decimals = max(decimals, len(row["total"].split(".")[1]) if "." in row["total"] else 0)
new = {row["PERIODO"][:7]: float(row["VALOR_USD"])
       for row in csv.DictReader(open(root + "remesas_mensuales.csv", encoding="utf-8-sig")) if row["FLUJO"] == "Ingresos"}
tolerance = max(0.5 * 10 ** -decimals * 1e6, 0.5)
revised = sum(1 for k in old if k in new and abs(new[k] - old[k]) > tolerance * (1 + 1e-9))
print("tolerance", tolerance, "revised", revised, "added", len(set(new) - set(old)),
      "unchanged", sum(1 for k in old if k in new) - revised)
