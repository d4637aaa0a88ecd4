package io.remotebank.segmentation.internal;

/** PMML Interval membership (closure openClosed, closedOpen, ...; a missing margin is infinite). */
final class Intervals {
    private Intervals() {}

    static boolean contains(double x, double left, double right, boolean leftClosed, boolean rightClosed) {
        boolean aboveLeft = leftClosed ? x >= left : x > left;
        boolean belowRight = rightClosed ? x <= right : x < right;
        return aboveLeft && belowRight;
    }
}
