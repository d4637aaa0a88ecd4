package io.remotebank.benchmarks;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.smpp.BindType;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppProvider;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * submit_sm throughput on loopback: our {@link SmppProvider} beside jSMPP's {@code SMPPSession} and
 * cloudhopper's {@code DefaultSmppClient} (Netty 3), all three against the same SMSC with the same
 * window of {@value #WINDOW} outstanding submit_sm, one transmitter bind each, no delivery receipts.
 *
 * <p>The SMSC runs in the benchmark's own JVM, started once per trial, and answers each submit_sm at
 * once, so the clients are what is measured: our {@link SmscSimulator} (Netty 4, one event-loop
 * thread, nothing recorded), or cloudhopper's server ({@link CloudhopperSmsc}), so that no client
 * meets only a server from its own authors. Each invocation submits {@value #BATCH} single-part GSM messages and waits for
 * every submit_sm_resp, so a score is submit_sm acknowledged per second:
 *
 * <ul>
 *   <li>ours: {@link SmppProvider#submit} from one thread for the whole batch (the provider keeps
 *       {@value #WINDOW} in flight and queues the rest), then waits for every stage;
 *   <li>cloudhopper: {@code sendRequestPdu(pdu, timeout, false)} from one thread, which blocks while
 *       its window of {@value #WINDOW} is full; responses counted in the session handler;
 *   <li>jSMPP has no send window: its synchronous {@code submitShortMessage} from {@value #WINDOW}
 *       threads, {@value #BATCH} / {@value #WINDOW} each, which is how jSMPP users keep that many
 *       requests outstanding on one session.
 * </ul>
 *
 * <p>3 methods x 2 SMSCs x 2 forks x (3 + 5) x 2 s: about 4 minutes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class SmppBenchmark {

    static final int WINDOW = 64;
    static final int BATCH = 1024;
    static final String TEXT = "Your one-time code is 493817. It expires in 5 minutes.";
    static final String DESTINATION = "8613812345678";

    /**
     * Which SMSC all three clients submit to: {@code simulator}, our {@link SmscSimulator}; or {@code
     * cloudhopper}, cloudhopper's {@code DefaultSmppServer} scripted to answer every submit_sm at
     * once ({@link CloudhopperSmsc}), a server none of the clients' authors wrote.
     */
    @Param({"simulator", "cloudhopper"})
    public String smsc;

    private SmscSimulator simulator;
    private CloudhopperSmsc cloudhopperSmsc;
    private int port;

    private SmppProvider remotebank;
    private List<MessageId> ids;
    private Address.Msisdn recipient;
    private ProviderContent.Text content;

    private DefaultSmppClient cloudhopperClient;
    private SmppSession cloudhopper;
    private volatile CountDownLatch cloudhopperBatch;
    private final AtomicInteger cloudhopperFailures = new AtomicInteger();
    private ExecutorService cloudhopperExecutor;

    private SMPPSession jsmpp;
    private ExecutorService jsmppThreads;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (smsc.equals("simulator")) {
            simulator = SmscSimulator.builder()
                    .listen("127.0.0.1", 0)
                    .receipts(false, Duration.ZERO, io.remotebank.channels.smpp.DeliveryReceipt.State.DELIVERED)
                    .recordLimit(0)
                    .threads(1)
                    .build()
                    .start();
            port = simulator.port();
        } else {
            cloudhopperSmsc = CloudhopperSmsc.start();
            port = cloudhopperSmsc.port();
        }

        remotebank = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", port)
                .name("smpp:bench")
                .credentials("bench", "secret".toCharArray())
                .bindType(BindType.TRANSMITTER)
                .sourceAddress(new SmeAddress(5, 0, "BANK"))
                .windowSize(WINDOW)
                .registeredDelivery(false)
                .build());
        remotebank.start(new NoCallbacks());
        remotebank.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(MessageId.random());
        }
        recipient = Address.Msisdn.of("+" + DESTINATION);
        content = new ProviderContent.Text(TEXT);

        cloudhopperExecutor = Executors.newCachedThreadPool();
        cloudhopperClient = new DefaultSmppClient(cloudhopperExecutor, 1);
        SmppSessionConfiguration configuration =
                new SmppSessionConfiguration(SmppBindType.TRANSMITTER, "bench", "secret");
        configuration.setName("bench");
        configuration.setHost("127.0.0.1");
        configuration.setPort(port);
        configuration.setWindowSize(WINDOW);
        configuration.setWindowWaitTimeout(30_000);
        configuration.setRequestExpiryTimeout(30_000);
        configuration.setCountersEnabled(false);
        cloudhopper = cloudhopperClient.bind(configuration, new DefaultSmppSessionHandler() {
            @Override
            public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
                if (response.getResponse().getCommandStatus() != 0) {
                    cloudhopperFailures.incrementAndGet();
                }
                cloudhopperBatch.countDown();
            }
        });

        jsmpp = new SMPPSession();
        jsmpp.setTransactionTimer(30_000);
        jsmpp.connectAndBind(
                "127.0.0.1",
                port,
                new BindParameter(
                        org.jsmpp.bean.BindType.BIND_TX,
                        "bench",
                        "secret",
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null));
        jsmppThreads = Executors.newFixedThreadPool(WINDOW);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        remotebank.close();
        cloudhopper.unbind(5_000);
        cloudhopper.destroy();
        cloudhopperClient.destroy();
        cloudhopperExecutor.shutdownNow();
        jsmpp.setTransactionTimer(2_000); // an unanswered unbind must not hold the trial up
        jsmpp.unbindAndClose();
        jsmppThreads.shutdownNow();
        if (simulator != null) {
            simulator.close();
        } else {
            cloudhopperSmsc.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int remotebankSubmit() throws Exception {
        CompletableFuture<?>[] answers = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            answers[i] = remotebank
                    .submit(new Submission(ids.get(i), recipient, Category.OTP, content, 1, Optional.empty()))
                    .toCompletableFuture();
        }
        int submitted = 0;
        for (CompletableFuture<?> answer : answers) {
            if (answer.get(30, TimeUnit.SECONDS) instanceof SubmitResult.Submitted) {
                submitted++;
            }
        }
        return check(submitted);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int cloudhopperSubmit() throws Exception {
        CountDownLatch batch = new CountDownLatch(BATCH);
        cloudhopperBatch = batch;
        byte[] text = TEXT.getBytes(StandardCharsets.ISO_8859_1); // GSM 03.38 and ASCII agree on this text
        for (int i = 0; i < BATCH; i++) {
            com.cloudhopper.smpp.pdu.SubmitSm submit = new com.cloudhopper.smpp.pdu.SubmitSm();
            submit.setSourceAddress(new com.cloudhopper.smpp.type.Address((byte) 5, (byte) 0, "BANK"));
            submit.setDestAddress(new com.cloudhopper.smpp.type.Address((byte) 1, (byte) 1, DESTINATION));
            submit.setDataCoding((byte) 0);
            submit.setShortMessage(text);
            cloudhopper.sendRequestPdu(submit, 30_000, false);
        }
        if (!batch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cloudhopper: responses missing");
        }
        return check(BATCH - cloudhopperFailures.getAndSet(0));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int jsmppSubmit() throws Exception {
        byte[] text = TEXT.getBytes(StandardCharsets.ISO_8859_1);
        List<Future<Integer>> workers = new ArrayList<>(WINDOW);
        for (int w = 0; w < WINDOW; w++) {
            workers.add(jsmppThreads.submit(() -> {
                int done = 0;
                for (int i = 0; i < BATCH / WINDOW; i++) {
                    jsmpp.submitShortMessage(
                            "",
                            TypeOfNumber.ALPHANUMERIC,
                            NumberingPlanIndicator.UNKNOWN,
                            "BANK",
                            TypeOfNumber.INTERNATIONAL,
                            NumberingPlanIndicator.ISDN,
                            DESTINATION,
                            new ESMClass(),
                            (byte) 0,
                            (byte) 0,
                            null,
                            null,
                            new RegisteredDelivery(0),
                            (byte) 0,
                            GeneralDataCoding.DEFAULT,
                            (byte) 0,
                            text);
                    done++;
                }
                return done;
            }));
        }
        int submitted = 0;
        for (Future<Integer> worker : workers) {
            submitted += worker.get(60, TimeUnit.SECONDS);
        }
        return check(submitted);
    }

    private static int check(int submitted) {
        if (submitted != BATCH) {
            throw new IllegalStateException("only " + submitted + " of " + BATCH + " submit_sm were accepted");
        }
        return submitted;
    }

    /** Receipts are off, and nothing arrives on a transmitter bind. */
    private static final class NoCallbacks implements ProviderContext {
        @Override
        public void report(DeliveryReport report) {}

        @Override
        public void receive(InboundMessage message) {}

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    }
}
