package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.text.CsvCell;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * A seeded generator of a synthetic retail-bank customer base with the shape of a real one: ages,
 * cities by tier, incomes and assets log-normal and correlated, a 90-day transaction history
 * (a fifth of customers have none), the products held, marketing consents, app use, and the dates at
 * which each customer passed the conversion funnel's stages (card opened, bound, first deposit, first
 * investment, retained), empty where they have not, last quarter's assets and the marketing contacts of
 * the last seven days. Customer {@code i} is the same whatever chunk or
 * thread generates it, so runs are reproducible. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CustomerBase {

    /** The schema of a generated base. */
    public static final ProfileSchema SCHEMA = ProfileSchema.builder()
            .field("age", ProfileType.INT)
            .field("gender", ProfileType.STRING)
            .field("city", ProfileType.STRING)
            .field("city_tier", ProfileType.INT)
            .field("channel", ProfileType.STRING)
            .field("income", ProfileType.DOUBLE)
            .field("aum", ProfileType.DOUBLE)
            .field("txn_count", ProfileType.INT)
            .field("txn_amount", ProfileType.DOUBLE)
            .field("last_txn", ProfileType.DATE)
            .field("app_logins_30d", ProfileType.INT)
            .field("risk_level", ProfileType.INT)
            .field("vip", ProfileType.BOOL)
            .field("consent_sms", ProfileType.BOOL)
            .field("consent_call", ProfileType.BOOL)
            .field("products", ProfileType.STRING_LIST)
            .field("opened", ProfileType.DATE)
            .field("bound", ProfileType.DATE)
            .field("deposited", ProfileType.DATE)
            .field("invested", ProfileType.DATE)
            .field("retained", ProfileType.DATE)
            .field("aum_prev", ProfileType.DOUBLE)
            .field("contacts_7d", ProfileType.INT)
            .build();

    private static final String[][] CITIES = {
        {"Shanghai", "Beijing", "Shenzhen", "Guangzhou"},
        {"Hangzhou", "Chengdu", "Wuhan", "Nanjing", "Xi'an", "Suzhou"},
        {"Hefei", "Kunming", "Xiamen", "Nanning", "Taiyuan"},
        {"Ganzhou", "Zunyi", "Mianyang", "Yichang"}
    };
    private static final double[] TIER_SHARE = {0.25, 0.35, 0.25, 0.15};
    private static final String[] CHANNELS = {"app", "branch", "wechat", "partner"};
    private static final double[] INCOME_BY_TIER = {16000, 11000, 8000, 6000};

    private final long seed;
    private final LocalDate asOf;

    private CustomerBase(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
    }

    /**
     * A generator.
     *
     * @param seed the seed: one seed, one customer base
     * @param asOf the day the data is as of; no date lies after it
     * @return the generator
     */
    public static CustomerBase of(long seed, LocalDate asOf) {
        return new CustomerBase(seed, Arguments.notNull(asOf, "asOf"));
    }

    /** The day the data is as of. */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * The id of a customer: {@code C} and nine digits.
     *
     * @param index the customer's index, from 0
     * @return the id
     */
    public static String id(long index) {
        String digits = Long.toString(index);
        return "C" + "0".repeat(Math.max(0, 9 - digits.length())) + digits;
    }

    /**
     * Fills a batch with consecutive customers.
     *
     * @param batch a batch whose schema begins with {@link #SCHEMA}
     * @param first the first customer's index
     * @param rows how many, at most the batch's capacity
     */
    public void fill(ProfileBatch batch, long first, int rows) {
        Arguments.inRange(rows, 0, batch.capacity(), "rows");
        batch.rows(rows);
        long today = asOf.toEpochDay();
        double[] age = batch.numbers(0);
        String[] gender = batch.texts(1);
        String[] city = batch.texts(2);
        double[] cityTier = batch.numbers(3);
        String[] channel = batch.texts(4);
        double[] income = batch.numbers(5);
        double[] aum = batch.numbers(6);
        double[] txnCount = batch.numbers(7);
        double[] txnAmount = batch.numbers(8);
        double[] lastTxn = batch.numbers(9);
        double[] logins = batch.numbers(10);
        double[] risk = batch.numbers(11);
        double[] vip = batch.numbers(12);
        double[] sms = batch.numbers(13);
        double[] call = batch.numbers(14);
        String[][] products = batch.lists(15);
        double[] opened = batch.numbers(16);
        double[] bound = batch.numbers(17);
        double[] deposited = batch.numbers(18);
        double[] invested = batch.numbers(19);
        double[] retained = batch.numbers(20);
        double[] aumPrev = batch.numbers(21);
        double[] contacts = batch.numbers(22);
        for (int r = 0; r < rows; r++) {
            long index = first + r;
            SplittableRandom rnd = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
            batch.ids()[r] = id(index);
            int a = (int) Math.max(18, Math.min(85, Math.round(40 + rnd.nextGaussian() * 13)));
            age[r] = a;
            gender[r] = rnd.nextBoolean() ? "F" : "M";
            int tier = pick(rnd, TIER_SHARE);
            cityTier[r] = tier + 1;
            city[r] = CITIES[tier][rnd.nextInt(CITIES[tier].length)];
            channel[r] = CHANNELS[pick(rnd, new double[] {0.45, 0.2, 0.25, 0.1})];
            double lifeStage = a < 25 ? 0.6 : a < 55 ? 1.0 + (a - 25) / 60.0 : 1.1;
            double inc = INCOME_BY_TIER[tier] * lifeStage * Math.exp(rnd.nextGaussian() * 0.5);
            income[r] = Math.round(inc);
            // Assets grow with income and age; a long tail reaches private banking.
            double assets = inc * (2 + (a - 18) * 0.4) * Math.exp(rnd.nextGaussian() * 1.1);
            aum[r] = Math.round(assets * 100) / 100.0;
            boolean active = rnd.nextDouble() < 0.8;
            if (active) {
                int n = 1 + (int) Math.min(300, Math.round(Math.exp(2 + rnd.nextGaussian())));
                txnCount[r] = n;
                txnAmount[r] = Math.round(n * inc * 0.05 * Math.exp(rnd.nextGaussian() * 0.6) * 100) / 100.0;
                lastTxn[r] = today - (long) Math.min(89, Math.floor(-Math.log(1 - rnd.nextDouble()) * 90.0 / n * 3));
            } else {
                txnCount[r] = 0;
                txnAmount[r] = 0;
                lastTxn[r] = Double.NaN;
            }
            logins[r] = rnd.nextDouble() < 0.3 ? 0 : Math.min(120, Math.round(Math.exp(1.5 + rnd.nextGaussian())));
            risk[r] = 1 + pick(rnd, new double[] {0.2, 0.35, 0.3, 0.1, 0.05});
            vip[r] = aum[r] >= 500_000 ? 1 : 0;
            sms[r] = rnd.nextDouble() < 0.7 ? 1 : 0;
            call[r] = rnd.nextDouble() < 0.45 ? 1 : 0;
            long open = today - rnd.nextInt(0, 3 * 365);
            opened[r] = open;
            long b = stage(rnd, open, 0.82, 0, 14, today);
            bound[r] = b < 0 ? Double.NaN : b;
            long d = b < 0 ? -1 : stage(rnd, b, 0.64 + 0.05 * (3 - tier), 0, 30, today);
            deposited[r] = d < 0 ? Double.NaN : d;
            long v = d < 0 ? -1 : stage(rnd, d, 0.3 + Math.min(0.3, aum[r] / 2e6), 3, 90, today);
            invested[r] = v < 0 ? Double.NaN : v;
            long k = v < 0 || v + 90 > today || rnd.nextDouble() >= 0.7 ? -1 : v + 90;
            retained[r] = k < 0 ? Double.NaN : k;
            List<String> held = new ArrayList<>(5);
            held.add("debit_card");
            if (d >= 0) {
                held.add("deposit");
            }
            if (v >= 0) {
                held.add(rnd.nextDouble() < 0.6 ? "fund" : "wealth");
            }
            if (rnd.nextDouble() < 0.25) {
                held.add("credit_card");
            }
            if (rnd.nextDouble() < 0.08) {
                held.add("loan");
            }
            products[r] = held.toArray(new String[0]);
            // Last quarter's assets: most customers drift a little, some move a lot.
            aumPrev[r] = Math.round(assets * Math.exp(rnd.nextGaussian() * (rnd.nextDouble() < 0.1 ? 0.8 : 0.12)) * 100)
                    / 100.0;
            contacts[r] = rnd.nextDouble() < 0.7 ? 0 : 1 + rnd.nextInt(3);
        }
    }

    /** A stage reached with a probability, a few days after the previous one, and not after today. */
    private static long stage(
            SplittableRandom rnd, long previous, double probability, int minDays, int maxDays, long today) {
        if (rnd.nextDouble() >= probability) {
            return -1;
        }
        long day = previous + rnd.nextInt(minDays, maxDays + 1);
        return day > today ? -1 : day;
    }

    private static int pick(SplittableRandom rnd, double[] shares) {
        double x = rnd.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /**
     * Writes customers as CSV with a header ({@code customer_id} and the schema's fields), every cell
     * through rb-core's {@link CsvCell}; lists as {@code a|b|c}, missing values empty.
     *
     * @param out where to write (not closed)
     * @param first the first customer's index
     * @param count how many customers
     * @throws IOException if writing fails
     */
    public void writeCsv(Writer out, long first, long count) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("customer_id");
        SCHEMA.fields().forEach(f -> header.add(f.name()));
        out.write(CsvCell.textRow(header));
        out.write('\n');
        writeCsvRows(out, first, count);
    }

    /**
     * Writes customers as CSV rows without the header, e.g. to continue a file.
     *
     * @param out where to write (not closed)
     * @param first the first customer's index
     * @param count how many customers
     * @throws IOException if writing fails
     */
    public void writeCsvRows(Writer out, long first, long count) throws IOException {
        ProfileBatch batch = SCHEMA.newBatch(4096);
        StringBuilder line = new StringBuilder();
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(4096, count - done);
            fill(batch, first + done, n);
            for (int r = 0; r < n; r++) {
                line.setLength(0);
                line.append(CsvCell.text(batch.ids()[r]));
                for (int f = 0; f < SCHEMA.size(); f++) {
                    line.append(',').append(cell(batch, r, f));
                }
                out.write(line.toString());
                out.write('\n');
            }
            done += n;
        }
    }

    static String cell(ProfileBatch batch, int row, int field) {
        Object v = batch.value(row, field);
        if (v == null) {
            return "";
        }
        if (v instanceof List) {
            return CsvCell.text(String.join("|", batch.lists(field)[row]));
        }
        if (v instanceof Double) {
            return CsvCell.number(io.remotebank.segmentation.internal.Numbers.format((Double) v));
        }
        if (v instanceof Long) {
            return CsvCell.number(v.toString());
        }
        return CsvCell.text(v.toString());
    }
}
