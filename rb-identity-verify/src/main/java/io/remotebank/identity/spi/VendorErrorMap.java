package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A vendor's error codes mapped to the canonical {@link IdentityError}s: exact codes first, then the
 * longest matching prefix (vendors group codes as {@code AuthFailure.*}), then a default. An adapter
 * builds one from the vendor's published error table, so that the flow retries, fails over or gives
 * up by the same rules for every vendor.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VendorErrorMap {

    private final Map<String, IdentityError> exact;
    private final List<Map.Entry<String, IdentityError>> prefixes;
    private final IdentityError otherwise;

    private VendorErrorMap(Builder b) {
        this.exact = Map.copyOf(b.exact);
        List<Map.Entry<String, IdentityError>> sorted = new ArrayList<>(b.prefixes.entrySet());
        sorted.sort((x, y) -> Integer.compare(y.getKey().length(), x.getKey().length()));
        this.prefixes = List.copyOf(sorted);
        this.otherwise = b.otherwise;
    }

    /**
     * Starts a map.
     *
     * @return a builder whose default is {@link IdentityError#VENDOR_FAILED}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The canonical error of a vendor code.
     *
     * @param vendorCode the vendor's code
     * @return its canonical error
     */
    public IdentityError canonical(String vendorCode) {
        Arguments.notNull(vendorCode, "vendorCode");
        IdentityError e = exact.get(vendorCode);
        if (e != null) {
            return e;
        }
        for (Map.Entry<String, IdentityError> p : prefixes) {
            if (vendorCode.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return otherwise;
    }

    /**
     * A vendor error with its canonical meaning.
     *
     * @param vendorCode the vendor's code
     * @param message the vendor's message
     * @return the error
     */
    public VendorError map(String vendorCode, String message) {
        return new VendorError(vendorCode, message, canonical(vendorCode));
    }

    /** Builds a {@link VendorErrorMap}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Map<String, IdentityError> exact = new LinkedHashMap<>();
        private final Map<String, IdentityError> prefixes = new LinkedHashMap<>();
        private IdentityError otherwise = IdentityError.VENDOR_FAILED;

        private Builder() {}

        /**
         * Maps one code.
         *
         * @param vendorCode the vendor's code
         * @param canonical its meaning
         * @return this builder
         */
        public Builder exact(String vendorCode, IdentityError canonical) {
            exact.put(Arguments.notBlank(vendorCode, "vendorCode"), Arguments.notNull(canonical, "canonical"));
            return this;
        }

        /**
         * Maps every code that starts with a prefix (the longest matching prefix wins).
         *
         * @param prefix e.g. {@code AuthFailure.}
         * @param canonical their meaning
         * @return this builder
         */
        public Builder prefix(String prefix, IdentityError canonical) {
            prefixes.put(Arguments.notBlank(prefix, "prefix"), Arguments.notNull(canonical, "canonical"));
            return this;
        }

        /**
         * The meaning of a code the map does not name (default {@link IdentityError#VENDOR_FAILED}).
         *
         * @param canonical the meaning
         * @return this builder
         */
        public Builder otherwise(IdentityError canonical) {
            this.otherwise = Arguments.notNull(canonical, "canonical");
            return this;
        }

        /** The map. */
        public VendorErrorMap build() {
            return new VendorErrorMap(this);
        }
    }
}
