package io.remotebank.signaling.sip.registrar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.SipMessageBuilder;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.auth.AuthResult;
import io.remotebank.signaling.sip.auth.DigestAuthenticator;
import io.remotebank.signaling.sip.registrar.spi.LocationService;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registrar (RFC 3261 10.3) over a {@link LocationService}, optionally behind digest
 * authentication.
 *
 * <p>{@link #register} processes a REGISTER in the order of RFC 3261 10.3: the domain of the
 * Request-URI (404 when domains are configured and it is not one of them); Require (420 with
 * Unsupported, as no extension is supported); authentication ({@link DigestAuthenticator}: 401) and
 * authorization (403 when the authenticated user may not change this address-of-record, by default
 * when the To URI's user part is not the user name); the address-of-record from To, canonical as
 * {@code scheme:user@host[:port]} (404 when it is not a SIP URI of a served domain); the Contact
 * values: {@code *} only alone and with {@code Expires: 0} (else 400); each contact's expiry from its
 * {@code expires} parameter, else the Expires header field, else the default (a malformed value
 * counts as absent, RFC 3261 20.19); a non-zero expiry below the minimum fails the whole request with
 * 423 and Min-Expires; an expiry above the maximum is shortened; a malformed {@code q} is 400. The
 * changes are applied together or not at all (step 7): for an existing binding with the same
 * Call-ID a CSeq that is not higher aborts the request with 500; a different Call-ID replaces it. The
 * 200 lists every current binding with its {@code expires} and {@code q}, and a Date header field.
 * A REGISTER without Contact is a query.
 *
 * <p>{@link #inFrontOf(TransactionUser)} and {@link #factoryInFrontOf} put it before another transaction user (a UAS core, a proxy) on a {@code
 * SipEndpoint}: REGISTER comes here, everything else goes on. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_ATTEMPTS = 32;

    private final LocationService locations;
    private final Clock clock;
    private final Duration minExpires;
    private final Duration defaultExpires;
    private final Duration maxExpires;
    private final Optional<DigestAuthenticator> authenticator;
    private final Set<String> domains;
    private final BiPredicate<String, String> authorization;
    private final SecureRandom random;
    private final int maxBindingsPerAddressOfRecord;
    private final long maxBindings;
    private final Duration purgeInterval;
    private final AtomicBoolean purging = new AtomicBoolean();

    private Registrar(Builder b) {
        this.locations = b.locations;
        this.clock = b.clock;
        this.minExpires = b.minExpires;
        this.defaultExpires = b.defaultExpires;
        this.maxExpires = b.maxExpires;
        this.authenticator = Optional.ofNullable(b.authenticator);
        this.domains = Set.copyOf(b.domains);
        this.authorization = b.authorization;
        this.random = b.random;
        this.maxBindingsPerAddressOfRecord = b.maxBindingsPerAddressOfRecord;
        this.maxBindings = b.maxBindings;
        this.purgeInterval = b.purgeInterval;
        if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID,
                    "the default expiry " + defaultExpires.getSeconds()
                            + " s must lie between the minimum " + minExpires.getSeconds() + " s and the maximum "
                            + maxExpires.getSeconds() + " s");
        }
    }

    /**
     * A builder.
     *
     * @param locations where bindings are kept
     * @return the builder
     */
    public static Builder builder(LocationService locations) {
        return new Builder(locations);
    }

    /** The location service. */
    public LocationService locations() {
        return locations;
    }

    /** The authenticator, when REGISTER is challenged. */
    public Optional<DigestAuthenticator> authenticator() {
        return authenticator;
    }

    /**
     * The current bindings of an address-of-record, highest q first (what a proxy forks to).
     *
     * @param addressOfRecord a SIP URI (canonicalized as for REGISTER)
     * @return the bindings
     */
    public List<Binding> lookup(SipUri addressOfRecord) {
        return locations.lookup(canonical(addressOfRecord)).bindings();
    }

    /**
     * The canonical address-of-record of a SIP URI (RFC 3261 10.3 step 5): scheme, user with its
     * escapes resolved, host in lower case and port; every parameter and header removed.
     *
     * @param uri a {@code sip} or {@code sips} URI
     * @return e.g. {@code sip:alice@bank.example}
     * @throws ValidationException for another scheme or a URI without a host
     */
    public static String canonical(SipUri uri) {
        if (uri.kind() != SipUri.Kind.SIP && uri.kind() != SipUri.Kind.SIPS) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "an address-of-record is a sip or sips URI");
        }
        String host = uri.host()
                .orElseThrow(
                        () -> new ValidationException(CoreError.ARGUMENT_INVALID, "an address-of-record has a host"));
        StringBuilder sb = new StringBuilder(uri.scheme().toLowerCase(Locale.ROOT)).append(':');
        uri.user().ifPresent(u -> sb.append(unescape(u)).append('@'));
        sb.append(host.toLowerCase(Locale.ROOT));
        uri.port().ifPresent(p -> sb.append(':').append(p));
        return sb.toString();
    }

    /**
     * Processes a REGISTER (RFC 3261 10.3) and returns the response to send; bindings change only
     * when the response is a 200.
     *
     * @param request a REGISTER
     * @return the response
     * @throws ValidationException when the request is not a REGISTER
     */
    public SipResponse register(SipRequest request) {
        if (!"REGISTER".equals(request.method())) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "not a REGISTER: " + request.method());
        }
        try {
            request.validate();
        } catch (SipParseException e) {
            try {
                // RFC 3261 20.19: a malformed Expires means the default, it does not fail the request
                request.toBuilder().remove("Expires").build().validate();
            } catch (SipParseException again) {
                return respond(request, again.statusCode(), again.reasonPhrase());
            }
        }
        // step 1: the domain of the Request-URI
        SipUri target = request.requestUri();
        if (!domains.isEmpty() && !target.host().map(this::served).orElse(false)) {
            return respond(request, 404, "Not Found");
        }
        // step 2: no extension is supported
        if (!request.require().isEmpty()) {
            return built(
                    simple(request, 420, "Bad Extension").header("Unsupported", String.join(", ", request.require())));
        }
        // steps 3 and 4: who is asking, and may they
        String aor;
        try {
            aor = canonical(request.to().orElseThrow().uri());
        } catch (ValidationException e) {
            return respond(request, 404, "Not Found");
        }
        if (!domains.isEmpty()
                && !served(request.to().orElseThrow().uri().host().orElse(""))) {
            return respond(request, 404, "Not Found");
        }
        if (authenticator.isPresent()) {
            AuthResult result = authenticator.get().authenticate(request);
            if (result instanceof AuthResult.Denied denied) {
                return denied.response();
            }
            String user = ((AuthResult.Authorized) result).username();
            if (!authorization.test(user, aor)) {
                LOG.debug("{} may not register {}", Mask.text(user), Mask.text(aor));
                return respond(request, 403, "Forbidden");
            }
        }
        // step 6: what the request asks for
        Change change;
        try {
            change = change(request);
        } catch (Rejected r) {
            return r.response;
        }
        // step 7: apply all of it or nothing
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            LocationService.Bindings current = locations.lookup(aor);
            Instant now = clock.instant();
            List<Binding> next;
            try {
                next = apply(change, current.bindings(), now, request);
            } catch (Rejected r) {
                return r.response;
            }
            if (next == null) {
                return ok(request, current.bindings(), now); // a query
            }
            Optional<SipResponse> overLimit =
                    overLimit(request, aor, current.bindings().size(), next.size());
            if (overLimit.isPresent()) {
                return overLimit.get();
            }
            if (locations.replace(aor, current.version(), next)) {
                LOG.debug("REGISTER of {}: {} binding(s)", Mask.text(aor), next.size());
                return ok(request, LocationService.ordered(next), now);
            }
        }
        return respond(request, 500, "Server Internal Error");
    }

    /**
     * The refusal of a change that adds bindings past a limit, if it does. A change that does not
     * add any (a refresh, a replacement, a removal) always passes, so that a user at the limit can
     * still keep or move its bindings.
     */
    private Optional<SipResponse> overLimit(SipRequest request, String aor, int before, int after) {
        int added = after - before;
        if (added <= 0) {
            return Optional.empty();
        }
        if (after > maxBindingsPerAddressOfRecord) {
            LOG.debug(
                    "REGISTER of {} refused: {} bindings, over {}",
                    Mask.text(aor),
                    after,
                    maxBindingsPerAddressOfRecord);
            return Optional.of(built(simple(request, 403, "Too Many Contacts")
                    .header(
                            "Warning",
                            "399 - \"at most " + maxBindingsPerAddressOfRecord + " bindings per address-of-record\"")));
        }
        OptionalLong stored = locations.countBindings();
        if (stored.isPresent() && stored.getAsLong() + added > maxBindings) {
            LOG.debug("REGISTER refused: the location service holds {} bindings, at most {}", stored, maxBindings);
            // RFC 3261 21.5.4: a temporary overload; expired bindings leave at the next purge
            return Optional.of(built(simple(request, 503, "Service Unavailable")
                    .header("Retry-After", Long.toString(purgeInterval.toSeconds()))));
        }
        return Optional.empty();
    }

    /**
     * Removes expired bindings from the location service every {@code purgeInterval} (lookups hide
     * them at once; this frees their storage). Runs once per registrar: a second call, or one after
     * {@link #factoryInFrontOf} started it, does nothing but return a handle that cancels nothing.
     *
     * @param scheduler the scheduler to run on (the transaction layer's, or a virtual one in tests)
     * @return cancels the purging
     */
    public Cancellable startPurging(Scheduler scheduler) {
        Arguments.notNull(scheduler, "scheduler");
        if (!purging.compareAndSet(false, true)) {
            return () -> false;
        }
        return scheduler.scheduleWithFixedDelay(purgeInterval, purgeInterval, this::purgeOnce);
    }

    private void purgeOnce() {
        try {
            int removed = locations.purgeExpired();
            if (removed > 0) {
                LOG.debug("purged {} expired binding(s)", removed);
            }
        } catch (RuntimeException e) {
            // a store that fails now may answer at the next round; expired bindings stay hidden
            LOG.warn("purging expired bindings failed: {}", e.getClass().getSimpleName());
        }
    }

    private record Contact(NameAddress address, long expires, Optional<QValue> q) {}

    private record Change(boolean wildcard, List<Contact> contacts, String callId, long cseq) {}

    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SipResponse response;

        Rejected(SipResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private Change change(SipRequest request) throws Rejected {
        String callId = request.callId().orElseThrow();
        long cseq = request.cseq().orElseThrow().number();
        OptionalLong header;
        try {
            header = request.expires();
        } catch (SipParseException e) {
            header = OptionalLong.empty(); // RFC 3261 20.19: malformed means the default
        }
        if (request.isWildcardContact()) {
            // RFC 3261 10.2.2 / 10.3 step 6: "*" alone, with Expires: 0
            if (request.headerValues("Contact").size() != 1
                    || !request.contacts().isEmpty()
                    || header.isEmpty()
                    || header.getAsLong() != 0) {
                throw new Rejected(respond(request, 400, "Bad Request"));
            }
            return new Change(true, List.of(), callId, cseq);
        }
        if (request.headerValues("Contact").stream().anyMatch(v -> v.strip().startsWith("*"))) {
            throw new Rejected(respond(request, 400, "Bad Request")); // "*" among other contacts
        }
        long fallback = header.isPresent() ? header.getAsLong() : defaultExpires.getSeconds();
        Map<String, Contact> contacts = new LinkedHashMap<>();
        for (NameAddress c : request.contacts()) {
            long expires =
                    c.parameters().get("expires").map(Registrar::deltaSeconds).orElse(-1L);
            if (expires < 0) {
                expires = fallback;
            }
            if (expires != 0 && expires < minExpires.getSeconds()) {
                throw new Rejected(built(simple(request, 423, "Interval Too Brief")
                        .header("Min-Expires", Long.toString(minExpires.getSeconds()))));
            }
            expires = Math.min(expires, maxExpires.getSeconds());
            Optional<QValue> q;
            try {
                q = c.parameters().get("q").map(QValue::parse);
            } catch (ValidationException e) {
                throw new Rejected(respond(request, 400, "Bad Request"));
            }
            contacts.put(Binding.key(c.uri()), new Contact(c, expires, q)); // a repeated contact: the last wins
        }
        return new Change(false, List.copyOf(contacts.values()), callId, cseq);
    }

    /** The new bindings, or null for a query; throws when an ordering rule aborts the request. */
    private List<Binding> apply(Change change, List<Binding> current, Instant now, SipRequest request) throws Rejected {
        if (!change.wildcard() && change.contacts().isEmpty()) {
            return null;
        }
        Map<String, Binding> bindings = new LinkedHashMap<>();
        for (Binding b : current) {
            bindings.put(b.key(), b);
        }
        if (change.wildcard()) {
            for (Binding b : current) {
                checkOrder(b, change, request);
            }
            return List.of();
        }
        for (Contact c : change.contacts()) {
            String key = Binding.key(c.address().uri());
            Binding existing = bindings.get(key);
            if (existing != null) {
                checkOrder(existing, change, request);
            }
            if (c.expires() == 0) {
                bindings.remove(key);
            } else {
                bindings.put(
                        key,
                        new Binding(c.address(), c.q(), now.plusSeconds(c.expires()), change.callId(), change.cseq()));
            }
        }
        return new ArrayList<>(bindings.values());
    }

    private void checkOrder(Binding existing, Change change, SipRequest request) throws Rejected {
        // RFC 3261 10.3 step 7: same Call-ID and a CSeq that is not higher: out of order
        if (existing.callId().equals(change.callId()) && change.cseq() <= existing.cseq()) {
            throw new Rejected(respond(request, 500, "Server Internal Error"));
        }
    }

    private SipResponse ok(SipRequest request, List<Binding> bindings, Instant now) {
        SipMessageBuilder b = simple(request, 200, "OK");
        for (Binding binding : bindings) {
            b.header("Contact", binding.toContactValue(now));
        }
        return built(b.header("Date", DATE.format(now)));
    }

    private boolean served(String host) {
        return domains.contains(host.toLowerCase(Locale.ROOT));
    }

    private SipMessageBuilder simple(SipRequest request, int status, String reason) {
        byte[] tag = new byte[8];
        random.nextBytes(tag);
        return SipResponse.to(request, status, reason, HexFormat.of().formatHex(tag));
    }

    private SipResponse respond(SipRequest request, int status, String reason) {
        return built(simple(request, status, reason));
    }

    private static SipResponse built(SipMessageBuilder b) {
        return (SipResponse) b.build();
    }

    /** delta-seconds (RFC 3261 25.1): 1*DIGIT; -1 when malformed; values above 2^32-1 are capped. */
    static long deltaSeconds(String v) {
        if (v.isEmpty() || v.length() > 19) {
            return v.length() > 19 && v.chars().allMatch(c -> c >= '0' && c <= '9') ? 0xFFFF_FFFFL : -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return Math.min(n, 0xFFFF_FFFFL);
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * This registrar in front of another transaction user: REGISTER is answered here, every other
     * request and event goes to {@code next}.
     *
     * @param next the transaction user behind it (a UAS core, a proxy)
     * @return the combined transaction user
     */
    public TransactionUser inFrontOf(TransactionUser next) {
        Arguments.notNull(next, "next");
        return new TransactionUser() {
            @Override
            public void onRequest(ServerTransaction transaction) {
                if ("REGISTER".equals(transaction.request().method())) {
                    transaction.respond(register(transaction.request()));
                } else {
                    next.onRequest(transaction);
                }
            }

            @Override
            public void onAck(SipRequest ack, SipTransportChannel channel) {
                next.onAck(ack, channel);
            }

            @Override
            public void onStrayResponse(SipResponse response, SipTransportChannel channel) {
                next.onStrayResponse(response, channel);
            }

            @Override
            public void onTimeout(ServerTransaction transaction) {
                next.onTimeout(transaction);
            }

            @Override
            public void onTransportError(ServerTransaction transaction, Throwable cause) {
                next.onTransportError(transaction, cause);
            }

            @Override
            public void onTerminated(ServerTransaction transaction) {
                next.onTerminated(transaction);
            }
        };
    }

    /**
     * This registrar in front of another transaction user, as a factory for {@code
     * SipEndpoint.Builder#start}; it also starts purging expired bindings on the transaction
     * layer's scheduler ({@link #startPurging}), which stops with the endpoint's event loops.
     *
     * @param next makes the transaction user behind it
     * @return the factory
     */
    public Function<TransactionLayer, TransactionUser> factoryInFrontOf(
            Function<TransactionLayer, ? extends TransactionUser> next) {
        Arguments.notNull(next, "next");
        return layer -> {
            startPurging(layer.scheduler());
            return inFrontOf(next.apply(layer));
        };
    }

    /** Configures a {@link Registrar}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final LocationService locations;
        private Clock clock = Clocks.system();
        private Duration minExpires = Duration.ofSeconds(60);
        private Duration defaultExpires = Duration.ofSeconds(3600);
        private Duration maxExpires = Duration.ofSeconds(7200);
        private DigestAuthenticator authenticator;
        private final Set<String> domains = new TreeSet<>();
        private BiPredicate<String, String> authorization = Builder::sameUser;
        private SecureRandom random = new SecureRandom();
        private int maxBindingsPerAddressOfRecord = 10;
        private long maxBindings = 100_000;
        private Duration purgeInterval = Duration.ofSeconds(30);

        private Builder(LocationService locations) {
            this.locations = Arguments.notNull(locations, "locations");
        }

        /**
         * The clock of expiry (give the location service the same one); default the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * The shortest expiry accepted (default 60 s); a shorter non-zero one gets 423.
         *
         * @param min 1 s to 1 day, whole seconds
         * @return this builder
         */
        public Builder minExpires(Duration min) {
            this.minExpires = seconds(min, "minExpires");
            return this;
        }

        /**
         * The expiry when the request names none (default 3600 s).
         *
         * @param expires 1 s to 1 day, whole seconds
         * @return this builder
         */
        public Builder defaultExpires(Duration expires) {
            this.defaultExpires = seconds(expires, "defaultExpires");
            return this;
        }

        /**
         * The longest expiry granted (default 7200 s); longer requests are shortened.
         *
         * @param max 1 s to 1 day, whole seconds
         * @return this builder
         */
        public Builder maxExpires(Duration max) {
            this.maxExpires = seconds(max, "maxExpires");
            return this;
        }

        private static Duration seconds(Duration d, String what) {
            Arguments.notNull(d, what);
            if (d.getNano() != 0 || d.getSeconds() < 1 || d.getSeconds() > 86_400) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, what + " must be 1 to 86400 whole seconds, not " + d);
            }
            return d;
        }

        /**
         * Challenges every REGISTER (default: none, every REGISTER is accepted).
         *
         * @param authenticator the digest authenticator of the realm
         * @return this builder
         */
        public Builder authenticator(DigestAuthenticator authenticator) {
            this.authenticator = Arguments.notNull(authenticator, "authenticator");
            return this;
        }

        /**
         * The domains served (any case); a REGISTER for another gets 404. Default: any domain.
         *
         * @param domains host names or addresses
         * @return this builder
         */
        public Builder domains(String... domains) {
            for (String d : domains) {
                if (d == null || d.isBlank()) {
                    throw new ValidationException(CoreError.ARGUMENT_INVALID, "a domain must not be blank");
                }
                this.domains.add(d.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * Who may change which address-of-record (RFC 3261 10.3 step 4); default: the user whose
         * name is the address-of-record's user part.
         *
         * @param authorization takes the authenticated user name and the canonical
         *     address-of-record
         * @return this builder
         */
        public Builder authorization(BiPredicate<String, String> authorization) {
            this.authorization = Arguments.notNull(authorization, "authorization");
            return this;
        }

        /**
         * The source of To tags (default a new {@link SecureRandom}).
         *
         * @param random the random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Arguments.notNull(random, "random");
            return this;
        }

        /**
         * The most bindings one address-of-record may have (default 10); a REGISTER that would add
         * one more gets 403 and changes nothing.
         *
         * @param max 1 to 10,000
         * @return this builder
         */
        public Builder maxBindingsPerAddressOfRecord(int max) {
            this.maxBindingsPerAddressOfRecord =
                    (int) Arguments.inRange(max, 1, 10_000, "maxBindingsPerAddressOfRecord");
            return this;
        }

        /**
         * The most bindings the location service may hold in all (default 100,000), when it can
         * count them ({@link LocationService#countBindings}); a REGISTER that would add one more
         * gets 503 with Retry-After and changes nothing. Concurrent REGISTERs may pass it by as
         * many as run at once.
         *
         * @param max 1 to 100,000,000
         * @return this builder
         */
        public Builder maxBindings(long max) {
            this.maxBindings = Arguments.inRange(max, 1, 100_000_000, "maxBindings");
            return this;
        }

        /**
         * How often expired bindings are removed from the location service (default 30 s).
         *
         * @param interval 1 s to 1 day, whole seconds
         * @return this builder
         */
        public Builder purgeInterval(Duration interval) {
            this.purgeInterval = seconds(interval, "purgeInterval");
            return this;
        }

        /** The registrar. */
        public Registrar build() {
            return new Registrar(this);
        }

        private static boolean sameUser(String user, String aor) {
            int colon = aor.indexOf(':');
            int at = aor.lastIndexOf('@');
            return at > colon && aor.substring(colon + 1, at).equals(user);
        }
    }
}
