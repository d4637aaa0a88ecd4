package io.remotebank.segmentation.rules;

import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A schema with a field of every type, and random profiles over it (some values missing). */
final class Profiles {

    static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    static final ProfileSchema SCHEMA = ProfileSchema.builder()
            .field("aum", ProfileType.DOUBLE)
            .field("balance", ProfileType.DOUBLE)
            .field("age", ProfileType.INT)
            .field("txns", ProfileType.INT)
            .field("vip", ProfileType.BOOL)
            .field("consent", ProfileType.BOOL)
            .field("city", ProfileType.STRING)
            .field("tier", ProfileType.STRING)
            .field("opened", ProfileType.DATE)
            .field("last_login", ProfileType.TIMESTAMP)
            .field("products", ProfileType.STRING_LIST)
            .build();

    static final String[] CITIES = {"Shanghai", "Beijing", "Shenzhen", "Chengdu", "Hangzhou", "Xi'an"};
    static final String[] TIERS = {"普通", "金卡", "白金", "钻石"};
    static final String[] PRODUCTS = {"card", "fund", "deposit", "loan", "insurance"};

    private Profiles() {}

    /** Random profiles; each value is missing with probability {@code missing}. */
    static ProfileBatch random(long seed, int rows, double missing) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ProfileBatch b = SCHEMA.newBatch(rows);
        for (int r = 0; r < rows; r++) {
            b.ids()[r] = "C" + r;
            set(b, rnd, missing, r, 0, Math.round(rnd.nextDouble() * (rnd.nextInt(4) == 0 ? 1e5 : 5e8)) / 100.0);
            set(b, rnd, missing, r, 1, Math.round(rnd.nextDouble(-1000, 1e5) * 100) / 100.0);
            set(b, rnd, missing, r, 2, (long) rnd.nextInt(18, 91));
            set(b, rnd, missing, r, 3, (long) rnd.nextInt(0, 201));
            set(b, rnd, missing, r, 4, rnd.nextBoolean());
            set(b, rnd, missing, r, 5, rnd.nextBoolean());
            set(b, rnd, missing, r, 6, CITIES[rnd.nextInt(CITIES.length)]);
            set(b, rnd, missing, r, 7, TIERS[rnd.nextInt(TIERS.length)]);
            set(b, rnd, missing, r, 8, LocalDate.of(2015, 1, 1).plusDays(rnd.nextInt(3800)));
            set(b, rnd, missing, r, 9, NOW.minusMillis(rnd.nextLong(0, 730L * 86_400_000L)));
            List<String> products = new ArrayList<>();
            for (String p : PRODUCTS) {
                if (rnd.nextInt(3) == 0) {
                    products.add(p);
                }
            }
            set(b, rnd, missing, r, 10, products);
        }
        b.rows(rows);
        return b;
    }

    private static void set(ProfileBatch b, SplittableRandom rnd, double missing, int row, int field, Object v) {
        b.set(row, field, rnd.nextDouble() < missing ? null : v);
    }
}
