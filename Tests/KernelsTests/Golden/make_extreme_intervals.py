"""Reference intervals at every size, computed with mpmath at 40 digits (run: python3 make_extreme_intervals.py).

Writes intervals-mpmath.csv: method, x, n, level, lower, upper (17 significant digits), for
n from 1 to 10^14 and Poisson counts up to 10^15 — sizes where SciPy and mpmath's own betainc /
gammainc series do not converge. Independent of Cifra's algorithms (continued fractions, series,
saddlepoint forms): every tail probability here is a tanh-sinh integral of the Beta or Gamma
density evaluated in log space with mpmath's loggamma, and every bound is the root of
"tail = alpha/2" found by safeguarded Newton steps (the derivative is the density).

- clopper-pearson: L with I_L(x, n-x+1) = alpha/2 (0 when x = 0); U with 1 - I_U(x+1, n-x) = alpha/2
  (1 when x = n); closed forms 1 - (alpha/2)^(1/n) and (alpha/2)^(1/n) at x = 0 and x = n.
- wilson, wilson-cc: the closed forms of Wilson (1927) and Newcombe (1998, method 4) in 40 digits.
- poisson (Garwood 1936): L with P(k, L) = alpha/2 (0 when k = 0); U with Q(k+1, U) = alpha/2.
`level` is the double Cifra receives; alpha = 1 - level exactly. n is empty for poisson.
"""
import csv
import math
import random

import mpmath as mp

mp.mp.dps = 40


def beta_lower_tail(p, a, b):
    """I_p(a, b), p below or near the mode, as the integral of the density over [p - 100 sd, p]."""
    if p <= 0:
        return mp.mpf(0)
    ln_b = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    def density(t):
        if t <= 0:
            return mp.exp(-ln_b) if a == 1 else mp.mpf(0)
        return mp.exp((a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - ln_b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    low = max(mp.mpf(0), p - 100 * sd)
    return mp.quad(density, [low + (p - low) * mp.mpf(i) / 12 for i in range(13)])


def beta_density(p, a, b):
    ln_b = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    return mp.exp((a - 1) * mp.log(p) + (b - 1) * mp.log1p(-p) - ln_b)


def gamma_lower_tail(x, a):
    """P(a, x) as the integral of the Gamma(a) density over [x - 100 sd, x]."""
    if x <= 0:
        return mp.mpf(0)
    ln_g = mp.loggamma(a)
    density = lambda t: mp.exp((a - 1) * mp.log(t) - t - ln_g) if t > 0 else (mp.mpf(1) if a == 1 else mp.mpf(0))
    low = max(mp.mpf(0), x - 100 * mp.sqrt(a))
    return mp.quad(density, [low + (x - low) * mp.mpf(i) / 12 for i in range(13)])


def gamma_upper_tail(x, a):
    """Q(a, x) as the integral of the Gamma(a) density over [x, inf)."""
    ln_g = mp.loggamma(a)
    density = lambda t: mp.exp((a - 1) * mp.log(t) - t - ln_g)
    width = 100 * max(mp.sqrt(a), mp.mpf(1))
    return mp.quad(density, [x + width * mp.mpf(i) / 12 for i in range(13)] + [mp.inf])


def gamma_density(x, a):
    return mp.exp((a - 1) * mp.log(x) - x - mp.loggamma(a))


def root(tail, density, target, low, high, start, increasing):
    """The t in (low, high) where the monotone tail(t) equals target: Newton steps (the density
    is the tail's derivative up to sign), kept inside a bracket that shrinks at every step."""
    sign = 1 if increasing else -1
    t = start
    for _ in range(300):
        value = tail(t) - target
        if (value > 0) == increasing:
            high = t
        else:
            low = t
        step = sign * value / density(t)
        if abs(value) <= target * mp.mpf(10) ** -30 or abs(step) <= abs(t) * mp.mpf(10) ** -30:
            return t - step
        candidate = t - step
        t = candidate if low < candidate < high else (low + high) / 2
    raise RuntimeError("no convergence at %s in (%s, %s)" % (t, low, high))


def clopper_pearson(x, n, level):
    alpha = 1 - mp.mpf(level)
    x, n = mp.mpf(x), mp.mpf(n)
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(level))
    if x == 0:
        lower = mp.mpf(0)
    elif x == n:
        lower = (alpha / 2) ** (1 / n)
    else:
        a, b = x, n - x + 1
        sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        start = min(max(a / (a + b) - z * sd, a / (a + b) / 4), mp.mpf('0.9999'))
        lower = root(lambda p: beta_lower_tail(p, a, b), lambda p: beta_density(p, a, b), alpha / 2, mp.mpf(0), a / (a + b), start, True)
    if x == n:
        upper = mp.mpf(1)
    elif x == 0:
        upper = -mp.expm1(mp.log(alpha / 2) / n)
    else:
        # 1 - I_U(x+1, n-x) = I_{1-U}(n-x, x+1): solve for V = 1 - U.
        a, b = n - x, x + 1
        sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        start = min(max(a / (a + b) - z * sd, a / (a + b) / 4), mp.mpf('0.9999'))
        v = root(lambda p: beta_lower_tail(p, a, b), lambda p: beta_density(p, a, b), alpha / 2, mp.mpf(0), a / (a + b), start, True)
        upper = 1 - v
    return lower, upper


def wilson(x, n, level, corrected):
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(level))
    x, n = mp.mpf(x), mp.mpf(n)
    p = x / n
    if not corrected:
        if x == 0:
            return mp.mpf(0), (p + z ** 2 / (2 * n) + z * mp.sqrt(p * (1 - p) / n + z ** 2 / (4 * n ** 2))) / (1 + z ** 2 / n)
        if x == n:
            return (p + z ** 2 / (2 * n) - z * mp.sqrt(p * (1 - p) / n + z ** 2 / (4 * n ** 2))) / (1 + z ** 2 / n), mp.mpf(1)
        centre = p + z ** 2 / (2 * n)
        half = z * mp.sqrt(p * (1 - p) / n + z ** 2 / (4 * n ** 2))
        d = 1 + z ** 2 / n
        return max(mp.mpf(0), (centre - half) / d), min(mp.mpf(1), (centre + half) / d)
    d = 2 * (n + z ** 2)
    lower = mp.mpf(0) if x == 0 else (2 * n * p + z ** 2 - 1 - z * mp.sqrt(z ** 2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / d
    upper = mp.mpf(1) if x == n else (2 * n * p + z ** 2 + 1 + z * mp.sqrt(z ** 2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / d
    return max(mp.mpf(0), lower), min(mp.mpf(1), upper)


def poisson(k, level):
    alpha = 1 - mp.mpf(level)
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(level))
    k = mp.mpf(k)
    if k == 0:
        lower = mp.mpf(0)
    else:
        start = max(k - z * mp.sqrt(k), k / 4)
        lower = root(lambda t: gamma_lower_tail(t, k), lambda t: gamma_density(t, k), alpha / 2, mp.mpf(0), k, start, True)
    a = k + 1
    start = a + z * mp.sqrt(a) + 1
    upper = root(lambda t: gamma_upper_tail(t, a), lambda t: gamma_density(t, a), alpha / 2, a - 1 if a > 1 else mp.mpf(0), a + 50 * mp.sqrt(a) + 100, start, False)
    return lower, upper


def cases():
    levels = [0.95, 0.9, 0.99, 0.999, 0.8]
    sizes = [1, 2, 10, 63, 64, 65, 1000, 10**5, 10**6, 10**7, 10**9, 10**12, 10**13, 10**14]
    out = []
    for i, n in enumerate(sizes):
        xs = sorted({0, 1, 2, n // 3, n // 2, n - 1, n, min(n, 7)})
        for j, x in enumerate(xs):
            if x < 0 or x > n:
                continue
            level = levels[(i + j) % len(levels)]
            for method in ["clopper-pearson", "wilson", "wilson-cc"]:
                out.append((method, x, n, level))
    for i, k in enumerate([0, 1, 2, 5, 37, 1000, 10**5, 10**6, 10**7, 10**9, 10**10, 10**12, 10**13, 10**14, 10**15]):
        for level in [levels[i % len(levels)], 0.95]:
            out.append(("poisson", k, None, level))
    # Random cases (fixed seed): sizes log-uniform up to 10^14, successes log-uniform below,
    # so the regimes between the fixed points above (and their borders) are covered too.
    rng = random.Random(20261201)
    for _ in range(60):
        n = int(10 ** rng.uniform(0, 14)) + 1
        x = min(n, int(10 ** rng.uniform(0, math.log10(n + 1))))
        x = x if rng.random() < 0.5 else n - x
        level = rng.choice([0.9, 0.95, 0.99, 0.999, 0.5, 0.999999])
        out.append((rng.choice(["clopper-pearson", "wilson", "wilson-cc"]), x, n, level))
    for _ in range(20):
        out.append(("poisson", int(10 ** rng.uniform(0, 15)), None, rng.choice([0.9, 0.95, 0.99, 0.999, 0.5])))
    return sorted(set(out), key=lambda c: (c[0], c[1], c[2] or 0, c[3]))


def main():
    rows = []
    for method, x, n, level in cases():
        if method == "clopper-pearson":
            lower, upper = clopper_pearson(x, n, level)
        elif method == "poisson":
            lower, upper = poisson(x, level)
        else:
            lower, upper = wilson(x, n, level, method == "wilson-cc")
        rows.append([method, x, "" if n is None else n, repr(level), mp.nstr(lower, 17, strip_zeros=False) if lower else "0", mp.nstr(upper, 17, strip_zeros=False)])
    with open("intervals-mpmath.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["method", "x", "n", "level", "lower", "upper"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
