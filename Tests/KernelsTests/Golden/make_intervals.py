"""Reference values for Cifra's interval tests, computed with SciPy (run: python3 make_intervals.py).

Writes intervals.csv: method, x, n, level, lower, upper, with 17 significant digits.
- clopper-pearson: scipy.stats.binomtest(x, n).proportion_ci(level, 'exact')
- wilson, wilson-cc: the same with method 'wilson' / 'wilsoncc'
- poisson: scipy.stats.chi2.ppf(alpha/2, 2k)/2 and chi2.ppf(1-alpha/2, 2k+2)/2 (n column = k)
"""
import os
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
rows = []
cases = [(0, 1), (1, 1), (0, 10), (10, 10), (7, 20), (45, 60), (1, 50), (49, 50), (25, 50), (3, 1000), (997, 1000),
         (123, 456), (0, 5000), (2500, 5000), (1, 100000), (99999, 100000)]
for level in (0.95, 0.90, 0.99):
    for x, n in cases:
        for method, name in (("exact", "clopper-pearson"), ("wilson", "wilson"), ("wilsoncc", "wilson-cc")):
            ci = stats.binomtest(x, n).proportion_ci(confidence_level=level, method=method)
            rows.append((name, x, n, level, ci.low, ci.high))
    for k in (0, 1, 5, 10, 37, 100, 1000, 123456):
        a = 1 - level
        low = 0.0 if k == 0 else stats.chi2.ppf(a / 2, 2 * k) / 2
        high = stats.chi2.ppf(1 - a / 2, 2 * k + 2) / 2
        rows.append(("poisson", k, k, level, low, high))
with open(os.path.join(here, "intervals.csv"), "w") as f:
    f.write("method,x,n,level,lower,upper\n")
    for r in rows:
        f.write(f"{r[0]},{r[1]},{r[2]},{r[3]},{r[4]:.17g},{r[5]:.17g}\n")
