package io.remotebank.benchmarks;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import io.remotebank.segmentation.batch.CustomerBase;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.rules.RuleSet;
import io.remotebank.segmentation.rules.SegmentRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Customers segmented per second by a 20-segment rule set over the synthetic customer base, on one
 * thread: our rules compiled to the expression runtime ({@code remotebank...}, one 1,024-row columnar
 * batch per call) beside cel-java 0.14's evaluator ({@code celJava...}, one compiled program per rule,
 * tried in priority order until one holds, as a rule set is read) on the same 1,024 customers. cel-java
 * gets each customer's activation map built in advance, so only evaluation is timed on both sides.
 *
 * <p>2 methods x 1 fork x (10 + 10) s: about 40 seconds. The warm-up is long because one cel-java call
 * (1,024 customers) takes about 10 ms: 1-second iterations left it unsteady.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class RulesBenchmark {

    static final int RECORDS = 1024;
    static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");

    /** Twenty segments of a retail base, highest priority first; most customers fall through several. */
    static final List<SegmentRule> SEGMENTS = List.of(
            new SegmentRule("private-banking", 200, "aum >= 6e6"),
            new SegmentRule("diamond", 190, "aum >= 2e6 && app_logins_30d >= 4"),
            new SegmentRule("hnw-dormant", 180, "aum >= 1e6 && now - last_txn > duration('1440h')"),
            new SegmentRule("platinum", 170, "aum >= 5e5 && app_logins_30d >= 2"),
            new SegmentRule("wealth-prospect", 160, "aum >= 2e5 && !('wealth' in products) && risk_level >= 3"),
            new SegmentRule("fund-investor", 150, "'fund' in products && txn_amount > 5e4"),
            new SegmentRule("loan-cross-sell", 140, "income > 2e4 && !('loan' in products) && age >= 28 && age < 50"),
            new SegmentRule("new-unbound", 130, "now - opened < duration('720h') && txn_count == 0"),
            new SegmentRule("young-app", 120, "age < 30 && channel == 'app' && app_logins_30d > 10"),
            new SegmentRule("senior-branch", 110, "age >= 60 && channel == 'branch'"),
            new SegmentRule("tier1-active", 100, "city_tier == 1 && txn_count >= 20"),
            new SegmentRule("card-only", 90, "size(products) == 1 && 'card' in products"),
            new SegmentRule("sms-reachable", 80, "consent_sms && !consent_call && txn_count > 5"),
            new SegmentRule("vip-lapsing", 70, "vip && app_logins_30d == 0"),
            new SegmentRule("mid-saver", 60, "aum >= 5e4 && aum < 2e5 && txn_amount < aum * 0.1"),
            new SegmentRule("high-spender", 50, "txn_amount > income * 2.0"),
            new SegmentRule("city-startsWith", 40, "city.startsWith('S') && city_tier <= 2"),
            new SegmentRule("low-activity", 30, "txn_count < 3 && app_logins_30d < 2"),
            new SegmentRule("mass-retail", 20, "aum < 5e4"),
            new SegmentRule("everyone-else", 10, "true"));

    RuleSet rules;
    ProfileBatch batch;
    int[] assigned;
    List<CelRuntime.Program> programs;
    List<Map<String, Object>> activations;

    /** Compiles both rule sets and builds the customers. */
    @Setup
    public void setUp() {
        ProfileSchema schema = CustomerBase.SCHEMA;
        rules = RuleSet.compile(schema, SEGMENTS);
        batch = schema.newBatch(RECORDS);
        CustomerBase.of(7, LocalDate.of(2025, 6, 30)).fill(batch, 0, RECORDS);
        assigned = new int[RECORDS];
        programs = celPrograms(schema, rules.segments());
        activations = new ArrayList<>(RECORDS);
        for (int r = 0; r < RECORDS; r++) {
            activations.add(activation(batch, r));
        }
    }

    /** cel-java's programs of the rules, highest priority first (the order of {@code rules.segments()}). */
    static List<CelRuntime.Program> celPrograms(ProfileSchema schema, List<SegmentRule> ordered) {
        var b = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("now", SimpleType.TIMESTAMP);
        for (ProfileField f : schema.fields()) {
            b.addVar(f.name(), celType(f));
        }
        Cel cel = b.build();
        List<CelRuntime.Program> out = new ArrayList<>();
        for (SegmentRule s : ordered) {
            try {
                out.add(cel.createProgram(cel.compile(s.when()).getAst()));
            } catch (Exception e) {
                throw new IllegalStateException("cel-java refuses rule " + s.name() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static CelType celType(ProfileField f) {
        switch (f.type()) {
            case INT:
                return SimpleType.INT;
            case DOUBLE:
                return SimpleType.DOUBLE;
            case BOOL:
                return SimpleType.BOOL;
            case STRING:
                return SimpleType.STRING;
            case DATE:
            case TIMESTAMP:
                return SimpleType.TIMESTAMP;
            default:
                return ListType.create(SimpleType.STRING);
        }
    }

    /** One customer as cel-java reads it: missing values left out (an unknown), dates as timestamps. */
    static Map<String, Object> activation(ProfileBatch batch, int row) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("now", NOW);
        ProfileSchema schema = batch.schema();
        for (int i = 0; i < schema.size(); i++) {
            Object v = batch.value(row, i);
            if (v instanceof LocalDate) {
                v = ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v != null) {
                vars.put(schema.fields().get(i).name(), v);
            }
        }
        return vars;
    }

    /** cel-java's segment of one customer: the first program that yields true, or -1. */
    static int celSegment(List<CelRuntime.Program> programs, Map<String, Object> activation) {
        for (int s = 0; s < programs.size(); s++) {
            try {
                if (Boolean.TRUE.equals(programs.get(s).eval(activation))) {
                    return s;
                }
            } catch (Exception e) {
                // an evaluation error: the rule does not hold, as in ours
            }
        }
        return -1;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int remotebankSegment20() {
        rules.assign(batch, NOW, assigned);
        return assigned[RECORDS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int celJavaSegment20() {
        int sum = 0;
        for (int r = 0; r < RECORDS; r++) {
            sum += celSegment(programs, activations.get(r));
        }
        return sum;
    }
}
