package io.remotebank.examples.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.time.Ticker;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.ua.Call;
import io.remotebank.signaling.sip.ua.CallListener;
import io.remotebank.signaling.sip.ua.SipRequestFailedException;
import io.remotebank.signaling.sip.ua.UasHandler;
import io.remotebank.signaling.sip.ua.UserAgent;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rb sip-call}: a UAC load generator. Places calls at a steady rate, holds each for the
 * given time, hangs up with BYE, and prints how many were attempted, succeeded and failed, the rate
 * achieved and the call-setup latency percentiles (INVITE sent to 200 received).
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "sip-call",
        mixinStandardHelpOptions = true,
        description = {
            "Place SIP calls at a steady rate (INVITE with SDP, ACK, hold, BYE) and report attempted,",
            "succeeded and failed calls, the rate achieved and the setup latency percentiles. A call succeeds",
            "when the INVITE gets a 2xx and the BYE a 2xx. Exit code 1 when any call failed."
        })
public final class SipCallCommand implements Callable<Integer> {

    /** The command measures real time against a real peer: the JVM's ticker, through rb-core. */
    private final Ticker ticker = Ticker.system();

    @Option(
            names = "--target",
            required = true,
            paramLabel = "URI",
            description = "Where to call, e.g. sip:service@127.0.0.1:5060 (;transport=tcp for TCP).")
    String target;

    @Option(
            names = "--calls",
            paramLabel = "N",
            defaultValue = "1",
            description = "Calls to place (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "10",
            description = "Calls per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            paramLabel = "S",
            defaultValue = "0",
            description = "How long each call is held before the BYE, in seconds (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            description = "The local address (default: the one that routes to the target).")
    String bind;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public SipCallCommand() {}

    @Override
    public Integer call() throws Exception {
        SipUri uri = parseTarget();
        if (calls < 1 || calls > 10_000_000) {
            throw usage("--calls must be 1 to 10000000 (got " + calls + ")");
        }
        if (!(rate > 0 && rate <= 100_000)) {
            throw usage("--rate must be above 0 and at most 100000 calls/s (got " + rate + ")");
        }
        if (!(duration >= 0 && duration <= 86_400)) {
            throw usage("--duration must be 0 to 86400 seconds (got " + duration + ")");
        }
        InetAddress local = localAddress(uri);
        PrintWriter err = spec.commandLine().getErr();
        Tally tally = new Tally(calls);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-call-pacer");
            t.setDaemon(true);
            return t;
        });
        try (UserAgent ua = UserAgent.start(
                SipEndpoint.builder().bind(local).udpPort(0).tcpPort(0),
                local,
                UserAgent.Settings.ofDefaults(),
                UasHandler.REFUSE_ALL)) {
            String offer = offer(local);
            long periodNanos = (long) (1_000_000_000L / rate);
            long start = ticker.read();
            for (int i = 0; i < calls; i++) {
                pacer.schedule(() -> place(ua, offer, tally), i * periodNanos, TimeUnit.NANOSECONDS);
            }
            // every call: placed on time, then at most 64*T1 for its INVITE, the hold, 64*T1 for its BYE
            long budget = (long) ((calls / rate + duration + 2 * 32 + 10) * 1_000);
            long nextProgress = ticker.read() + TimeUnit.SECONDS.toNanos(5);
            while (!tally.done.await(200, TimeUnit.MILLISECONDS)) {
                if (ticker.read() - start > TimeUnit.MILLISECONDS.toNanos(budget)) {
                    break;
                }
                if (ticker.read() > nextProgress) {
                    err.printf(
                            Locale.ROOT,
                            "sip-call: %d attempted, %d succeeded, %d failed%n",
                            tally.attempted.get(),
                            tally.succeeded.get(),
                            tally.failed.get());
                    err.flush();
                    nextProgress += TimeUnit.SECONDS.toNanos(5);
                }
            }
            long elapsed = ticker.read() - start;
            report(tally, elapsed);
        } finally {
            pacer.shutdownNow();
        }
        return tally.failed.get() == 0 && tally.succeeded.get() == calls ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private SipUri parseTarget() {
        try {
            SipUri uri = SipUri.parse(target);
            if (!uri.isSip() || uri.host().isEmpty()) {
                throw usage("--target must be a sip or sips URI with a host (got a " + uri.scheme() + " URI)");
            }
            return uri;
        } catch (SipParseException e) {
            throw usage("--target is not a SIP URI: " + e.detail());
        }
    }

    private InetAddress localAddress(SipUri uri) throws UnknownHostException, SocketException {
        if (bind != null) {
            return InetAddress.getByName(bind);
        }
        String host = uri.host().orElseThrow();
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress remote = InetAddress.getByName(host);
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(remote, uri.port().orElse(5060)));
            InetAddress a = probe.getLocalAddress();
            return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
        }
    }

    private static String offer(InetAddress local) {
        String type = local.getAddress().length == 16 ? "IP6" : "IP4";
        String a = local.getHostAddress();
        return "v=0\r\n"
                + "o=rb 1 1 IN " + type + " " + a + "\r\n"
                + "s=rb sip-call\r\n"
                + "c=IN " + type + " " + a + "\r\n"
                + "t=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\n"
                + "a=sendrecv\r\n";
    }

    private void place(UserAgent ua, String offer, Tally tally) {
        tally.attempted.incrementAndGet();
        tally.firstStart.compareAndSet(0, ticker.read());
        tally.lastStart.set(ticker.read());
        long t0 = ticker.read();
        Call call;
        try {
            call = ua.call(target, offer, CallListener.NONE);
        } catch (RuntimeException e) {
            tally.fail("error");
            return;
        }
        call.answered().whenComplete((ok, e) -> {
            if (e != null) {
                tally.fail(reason(e));
                return;
            }
            tally.latency(ticker.read() - t0);
            long hold = (long) (duration * 1_000_000_000L);
            Runnable hangUp = () -> call.bye().whenComplete((r, x) -> {
                if (x == null && r.statusCode() < 300) {
                    tally.succeed();
                } else {
                    tally.fail(x == null ? Integer.toString(r.statusCode()) : reason(x));
                }
            });
            if (hold == 0) {
                hangUp.run();
            } else {
                ua.layer().scheduler().schedule(java.time.Duration.ofNanos(hold), hangUp);
            }
        });
    }

    private static String reason(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof SipRequestFailedException f ? Integer.toString(f.statusCode()) : "error";
    }

    private void report(Tally tally, long elapsedNanos) {
        int attempted = tally.attempted.get();
        int succeeded = tally.succeeded.get();
        int failed = tally.failed.get() + (attempted - succeeded - tally.failed.get()); // unfinished count as failed
        long placing = tally.lastStart.get() - tally.firstStart.get();
        double achieved = attempted > 1 && placing > 0 ? (attempted - 1) * 1e9 / placing : attempted;
        double[] ms = tally.latencies();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            ObjectNode n = Json.object()
                    .put("target", target)
                    .put("attempted", attempted)
                    .put("succeeded", succeeded)
                    .put("failed", failed)
                    .put("rateRequested", rate)
                    .put("rateAchieved", round(achieved))
                    .put("elapsedSeconds", round(elapsedNanos / 1e9));
            ObjectNode lat = n.putObject("setupLatencyMs");
            lat.put("p50", round(percentile(ms, 50)));
            lat.put("p90", round(percentile(ms, 90)));
            lat.put("p99", round(percentile(ms, 99)));
            lat.put("max", round(percentile(ms, 100)));
            ObjectNode f = n.putObject("failures");
            new TreeMap<>(tally.reasons).forEach((k, v) -> f.put(k, v.get()));
            out.println(Json.document(n));
        } else {
            out.printf(Locale.ROOT, "attempted %d, succeeded %d, failed %d%n", attempted, succeeded, failed);
            out.printf(
                    Locale.ROOT,
                    "rate %.1f calls/s (requested %.1f), elapsed %.1f s%n",
                    achieved,
                    rate,
                    elapsedNanos / 1e9);
            out.printf(
                    Locale.ROOT,
                    "setup latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n",
                    percentile(ms, 50),
                    percentile(ms, 90),
                    percentile(ms, 99),
                    percentile(ms, 100));
            if (!tally.reasons.isEmpty()) {
                StringBuilder sb = new StringBuilder("failures:");
                new TreeMap<>(tally.reasons)
                        .forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.get()));
                out.println(sb);
            }
        }
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The nearest-rank percentile; 0 when there are no values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Counts, thread-safe. */
    private static final class Tally {
        final AtomicInteger attempted = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong firstStart = new AtomicLong();
        final AtomicLong lastStart = new AtomicLong();
        final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        final CountDownLatch done;
        private final long[] latencies;
        private final AtomicInteger latencyCount = new AtomicInteger();

        Tally(int calls) {
            done = new CountDownLatch(calls);
            latencies = new long[calls];
        }

        void latency(long nanos) {
            int i = latencyCount.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = nanos;
            }
        }

        void succeed() {
            succeeded.incrementAndGet();
            done.countDown();
        }

        void fail(String reason) {
            failed.incrementAndGet();
            reasons.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
            done.countDown();
        }

        double[] latencies() {
            int n = Math.min(latencyCount.get(), latencies.length);
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                ms[i] = latencies[i] / 1e6;
            }
            Arrays.sort(ms);
            return ms;
        }
    }
}
