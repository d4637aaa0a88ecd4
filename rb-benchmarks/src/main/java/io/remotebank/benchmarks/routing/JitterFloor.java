package io.remotebank.benchmarks.routing;

import java.util.Arrays;

/**
 * The machine's own latency floor: a fixed piece of arithmetic of about the length of one routing
 * decision, timed exactly as {@code RoutingBenchmark} times decisions. Percentiles above this floor
 * are the engine's; percentiles at it are the machine's (virtualisation, timer ticks, other
 * processes). Run: {@code java -cp rb-benchmarks/target/benchmarks.jar
 * io.remotebank.benchmarks.routing.JitterFloor [work-units]}.
 */
public final class JitterFloor {

    private JitterFloor() {}

    /**
     * Prints the percentiles of 2,000,000 timed work units after 1,000,000 of warm-up.
     *
     * @param args optional: the number of arithmetic steps per unit (default 1000, about 1.5 µs)
     */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long sink = 0;
        long[] samples = new long[2_000_000];
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? 1_000_000 : samples.length;
            long before = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long x = i;
                for (int s = 0; s < steps; s++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                sink += x;
                long after = System.nanoTime();
                if (round == 1) {
                    samples[i] = after - before;
                }
                before = after;
            }
        }
        Arrays.sort(samples);
        System.out.printf(
                "work=%d steps: p50=%dns p90=%dns p99=%dns p99.9=%dns max=%dns (sink %d)%n",
                steps,
                samples[samples.length / 2],
                samples[(int) (samples.length * 0.9)],
                samples[(int) (samples.length * 0.99)],
                samples[(int) (samples.length * 0.999)],
                samples[samples.length - 1],
                sink & 1);
    }
}
