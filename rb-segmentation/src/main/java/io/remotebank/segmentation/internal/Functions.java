package io.remotebank.segmentation.internal;

/** Mathematical functions the JDK lacks. */
final class Functions {

    private Functions() {}

    /** The standard normal distribution function, Phi(x) = erfc(-x / sqrt 2) / 2. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * The complementary error function to near double precision: W. J. Cody's rational Chebyshev
     * approximations (Math. Comp. 23, 1969), on the three ranges |x| below 0.5, below 4, and above.
     */
    static double erfc(double x) {
        double ax = Math.abs(x);
        double result;
        if (ax < 0.5) {
            double z = x * x;
            double num = (((A[4] * z + A[0]) * z + A[1]) * z + A[2]) * z + A[3];
            double den = (((z + B[0]) * z + B[1]) * z + B[2]) * z + B[3];
            return 1 - x * num / den;
        } else if (ax < 4) {
            double num = C[8] * ax;
            double den = ax;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * ax;
                den = (den + D[i]) * ax;
            }
            result = (num + C[7]) / (den + D[7]);
        } else {
            double z = 1 / (ax * ax);
            double num = P[5] * z;
            double den = z;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * z;
                den = (den + Q[i]) * z;
            }
            result = z * (num + P[4]) / (den + Q[4]);
            result = (SQRT_PI_INV - result) / ax;
        }
        // exp(-x^2) split to keep the low bits (Cody's trick).
        double ysq = Math.floor(ax * 16) / 16;
        double del = (ax - ysq) * (ax + ysq);
        result = Math.exp(-ysq * ysq) * Math.exp(-del) * result;
        return x < 0 ? 2 - result : result;
    }

    private static final double SQRT_PI_INV = 0.56418958354775628695;

    private static final double[] A = {
        3.16112374387056560e00,
        1.13864154151050156e02,
        3.77485237685302021e02,
        3.20937758913846947e03,
        1.85777706184603153e-1
    };
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03
    };
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
        8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8
    };
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03
    };
    private static final double[] P = {
        3.05326634961232344e-1,
        3.60344899949804439e-1,
        1.25781726111229246e-1,
        1.60837851487422766e-2,
        6.58749161529837803e-4,
        1.63153871373020978e-2
    };
    private static final double[] Q = {
        2.56852019228982242e00,
        1.87295284992346725e00,
        5.27905102951428412e-1,
        6.05183413124413191e-2,
        2.33520497626869185e-3
    };
}
