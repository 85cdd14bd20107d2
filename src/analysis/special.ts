/**
 * Special functions for the exact tests and intervals: log-gamma, the regularised incomplete
 * gamma and beta functions, the inverse of the first, the normal distribution. Algorithms from
 * Numerical Recipes (Press et al., 3rd ed., §6.1, 6.2 and 6.4) and Acklam's normal quantile,
 * accurate far beyond the figures shown on screen.
 */

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
];

export function logGamma(x: number): number {
  let y = x;
  const base = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(base) - base;
  let series = 0.9999999999999971;
  for (const coefficient of LANCZOS) {
    y += 1;
    series += coefficient / y;
  }
  return tmp + Math.log((2.5066282746310007 * series) / x);
}

/** P(a, x): the regularised lower incomplete gamma function, the CDF of Gamma(a, 1) at x. */
export function regularisedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // Series representation.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(logPrefix);
  }
  // Continued fraction for Q(a, x), by the modified Lentz method.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/**
 * I_x(a, b): the regularised incomplete beta function, the CDF of Beta(a, b) at x, by its
 * continued fraction (modified Lentz), on the side of the mean where it converges quickly
 * (I_x(a, b) = 1 - I_(1-x)(b, a) on the other). It takes a few times sqrt(max(a, b)) steps at
 * worst, a few thousand for a million trials: callers use the normal approximation beyond that.
 */
export function regularisedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - regularisedBeta(1 - x, b, a);
  const logPrefix =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const tiny = 1e-300;
  const notTiny = (value: number) => (Math.abs(value) < tiny ? tiny : value);
  let c = 1;
  let d = 1 / notTiny(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 20_000; m += 1) {
    // The even step, then the odd step, of the continued fraction (NR 3rd ed. §6.4).
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / notTiny(1 + even * d);
    c = notTiny(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / notTiny(1 + odd * d);
    c = notTiny(1 + odd / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (Math.exp(logPrefix) * h) / a;
}

/** The x at which P(a, x) = p, by bisection refined with Newton steps. */
export function inverseRegularisedGammaP(a: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  let low = 0;
  let high = Math.max(1, a);
  while (regularisedGammaP(a, high) < p) high *= 2;
  let x = (low + high) / 2;
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const error = regularisedGammaP(a, x) - p;
    if (Math.abs(error) < 1e-14) break;
    if (error < 0) low = x;
    else high = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logGamma(a));
    const newton = x - error / density;
    x = density > 0 && newton > low && newton < high ? newton : (low + high) / 2;
  }
  return x;
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 is too coarse for p-values: use erfc). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Complementary error function, relative error below 1.2e-07 (Numerical Recipes erfcc). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const result =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? result : 2 - result;
}

/** Standard normal quantile (Acklam's algorithm, relative error below 1.2e-09). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  const poly = (coefficients: number[], x: number) =>
    coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
