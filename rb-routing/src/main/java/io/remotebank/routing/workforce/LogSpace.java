package io.remotebank.routing.workforce;

import java.util.function.DoubleUnaryOperator;

/**
 * Numerics shared by the Erlang models, all in log space so that nothing overflows or underflows:
 * the Erlang B recurrence and integrals of log-concave functions.
 */
final class LogSpace {

    /** Relative accuracy asked of an integral. */
    private static final double TOLERANCE = 1e-12;

    /** How far below its maximum an integrand's logarithm may drop before the rest is negligible. */
    private static final double NEGLIGIBLE = 60;

    private LogSpace() {}

    /**
     * {@code log(1 / B(n, a))}, where {@code B} is the Erlang B (loss) formula, by the recurrence
     * {@code 1/B(k) = 1 + (k / a) / B(k - 1)}, {@code 1/B(0) = 1}, carried out in logarithms.
     *
     * @param n servers, 0 or more
     * @param a offered load in erlangs, positive
     * @return the logarithm of the inverse blocking probability (0 for no servers)
     */
    static double logInverseErlangB(int n, double a) {
        double logA = Math.log(a);
        double r = 0; // log(1/B(0))
        for (int k = 1; k <= n; k++) {
            r = softplus(Math.log(k) - logA + r);
        }
        return r;
    }

    /** {@code log(1 + e^x)} without overflow or loss of precision. */
    static double softplus(double x) {
        if (x > 35) {
            return x + Math.exp(-x);
        }
        if (x < -35) {
            return Math.exp(x);
        }
        return Math.log1p(Math.exp(x));
    }

    /** {@code log(e^a + e^b)}. */
    static double logSum(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /** {@code log(e^x - 1)} for {@code x > 0}. */
    static double logExpm1(double x) {
        return x > 35 ? x + Math.log1p(-Math.exp(-x)) : Math.log(Math.expm1(x));
    }

    /**
     * {@code log} of the integral of {@code exp(psi(s))} over {@code [0, upper]}, for a concave
     * {@code psi} (so the integrand has one peak).
     *
     * <p>Finds the peak, brackets the region where the integrand is within {@code e^-60} of it, and
     * integrates {@code exp(psi - max)} there with Gauss-Kronrod (7-15) panels, doubling the panels
     * until the Gauss and Kronrod sums agree to the tolerance.
     *
     * @param psi the log of the integrand; may be {@code -Infinity} at 0
     * @param upper the upper limit, positive or {@code +Infinity}
     * @return the log of the integral
     */
    static double logIntegral(DoubleUnaryOperator psi, double upper) {
        double scale = 1e-3;
        while (scale < upper
                && scale < 1e300
                && psi.applyAsDouble(Math.min(2 * scale, upper)) > psi.applyAsDouble(scale)) {
            scale *= 2;
        }
        double hi = Math.min(2 * scale, upper);
        double mode = argMax(psi, 0, hi);
        double max = psi.applyAsDouble(mode);
        if (!(max > Double.NEGATIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        double step = Math.max(mode, hi) * 1e-6;
        double right = mode;
        while (right < upper) {
            right = Math.min(upper, mode + step);
            if (psi.applyAsDouble(right) < max - NEGLIGIBLE) {
                break;
            }
            step *= 2;
        }
        double left = mode;
        step = Math.max(mode, hi) * 1e-6;
        while (left > 0) {
            left = Math.max(0, mode - step);
            if (psi.applyAsDouble(left) < max - NEGLIGIBLE) {
                break;
            }
            step *= 2;
        }
        double sum = integrate(psi, max, left, mode) + integrate(psi, max, mode, right);
        return max + Math.log(sum);
    }

    /** The maximiser of a concave function on {@code [a, b]}, by golden-section search. */
    private static double argMax(DoubleUnaryOperator f, double a, double b) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double x1 = b - ratio * (b - a);
        double x2 = a + ratio * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 0; i < 200 && b - a > 1e-15 * Math.max(1, b); i++) {
            if (f1 < f2) {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + ratio * (b - a);
                f2 = f.applyAsDouble(x2);
            } else {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - ratio * (b - a);
                f1 = f.applyAsDouble(x1);
            }
        }
        double mid = (a + b) / 2;
        double best = mid;
        double bestValue = f.applyAsDouble(mid);
        for (double candidate : new double[] {a, b}) {
            double value = f.applyAsDouble(candidate);
            if (value > bestValue) {
                best = candidate;
                bestValue = value;
            }
        }
        return best;
    }

    private static double integrate(DoubleUnaryOperator psi, double max, double a, double b) {
        if (!(b > a)) {
            return 0;
        }
        double previous = Double.NaN;
        for (int panels = 16; ; panels *= 2) {
            double kronrod = 0;
            double gauss = 0;
            double width = (b - a) / panels;
            for (int p = 0; p < panels; p++) {
                double lo = a + p * width;
                double centre = lo + width / 2;
                double half = width / 2;
                double k = KRONROD_WEIGHTS[0] * f(psi, max, centre);
                double g = GAUSS_WEIGHTS[0] * f(psi, max, centre);
                for (int i = 1; i < NODES.length; i++) {
                    double fx = f(psi, max, centre - half * NODES[i]) + f(psi, max, centre + half * NODES[i]);
                    k += KRONROD_WEIGHTS[i] * fx;
                    if (i % 2 == 0) {
                        g += GAUSS_WEIGHTS[i / 2] * fx;
                    }
                }
                kronrod += k * half;
                gauss += g * half;
            }
            double error = Math.abs(kronrod - gauss);
            if (error <= TOLERANCE * kronrod
                    || Math.abs(kronrod - previous) <= TOLERANCE * kronrod
                    || panels >= 1 << 14) {
                return kronrod;
            }
            previous = kronrod;
        }
    }

    private static double f(DoubleUnaryOperator psi, double max, double s) {
        return Math.exp(psi.applyAsDouble(s) - max);
    }

    // Gauss-Kronrod 7-15 nodes (positive half, centre first) and weights; the Gauss nodes are the
    // Kronrod nodes of even index. Standard published values (e.g. QUADPACK's qk15).
    private static final double[] NODES = {
        0.000000000000000000000000000000000,
        0.207784955007898467600689403773245,
        0.405845151377397166906606412076961,
        0.586087235467691130294144845693013,
        0.741531185599394439863864773280788,
        0.864864423359769072789712788640926,
        0.949107912342758524526189684047851,
        0.991455371120812639206854697526329
    };
    private static final double[] KRONROD_WEIGHTS = {
        0.209482141084727828012999174891714,
        0.204432940075298892414161999234649,
        0.190350578064785409913256402421014,
        0.169004726639267902826583426598550,
        0.140653259715525918745189590510238,
        0.104790010322250183839876322541518,
        0.063092092629978553290700663189204,
        0.022935322010529224963732008058970
    };
    private static final double[] GAUSS_WEIGHTS = {
        0.417959183673469387755102040816327,
        0.381830050505118944950369775488975,
        0.279705391489276667901467771423780,
        0.129484966168869693270611432679082
    };
}
