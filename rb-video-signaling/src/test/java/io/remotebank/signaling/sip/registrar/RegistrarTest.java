package io.remotebank.signaling.sip.registrar;

import static io.remotebank.signaling.sip.registrar.RegisterRequests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.testsupport.ManualClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 10.3 on a manual clock. */
class RegistrarTest {

    private final ManualClock clock = ManualClock.atNineAm();
    private final InMemoryLocationService locations = new InMemoryLocationService(clock);
    private final Registrar registrar =
            Registrar.builder(locations).clock(clock).domains("bank.example").build();

    private static final SipUri ALICE = SipUri.parse("sip:alice@bank.example");

    private List<String> contacts(SipResponse r) {
        return r.headerValues("Contact");
    }

    @Test
    void register_bindsTheContact_andTheOkListsItWithItsExpiry() {
        SipResponse ok = registrar.register(
                register().contact("<sip:alice@192.0.2.4:5070>").expires("600").build());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.toTag()).isPresent();
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4:5070>;expires=600");
        assertThat(registrar.lookup(ALICE)).singleElement().satisfies(b -> {
            assertThat(b.contact().uri().toString()).isEqualTo("sip:alice@192.0.2.4:5070");
            assertThat(b.expiresAt()).isEqualTo(clock.instant().plusSeconds(600));
            assertThat(b.callId()).isEqualTo("reg-1@ua.example");
        });
    }

    @Test
    void theOkCarriesADateInRfc1123Form() {
        SipResponse ok =
                registrar.register(register().contact("<sip:alice@192.0.2.4>").build());
        String date = ok.date().orElseThrow();
        assertThat(ZonedDateTime.parse(
                                date,
                                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                                        .withZone(ZoneOffset.UTC))
                        .toInstant())
                .isEqualTo(clock.instant());
    }

    @Test
    void severalContacts_withQValues_listedHighestFirst() {
        SipResponse ok = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>;q=0.5, <sip:alice@192.0.2.5>;q=1.0")
                .contact("<sip:alice@192.0.2.6>;q=0.75")
                .expires("300")
                .build());

        assertThat(contacts(ok))
                .containsExactly(
                        "<sip:alice@192.0.2.5>;q=1;expires=300",
                        "<sip:alice@192.0.2.6>;q=0.75;expires=300",
                        "<sip:alice@192.0.2.4>;q=0.5;expires=300");
        assertThat(registrar.lookup(ALICE))
                .extracting(b -> b.q().orElseThrow().thousandths())
                .containsExactly(1000, 750, 500);
    }

    @Test
    void theContactExpiresParameter_winsOverTheExpiresHeader() {
        SipResponse ok = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>;expires=120")
                .contact("<sip:alice@192.0.2.5>")
                .expires("900")
                .build());
        assertThat(contacts(ok))
                .containsExactlyInAnyOrder("<sip:alice@192.0.2.4>;expires=120", "<sip:alice@192.0.2.5>;expires=900");
    }

    @Test
    void withoutAnyExpiry_theDefaultApplies() {
        SipResponse ok =
                registrar.register(register().contact("<sip:alice@192.0.2.4>").build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=3600");
    }

    @Test
    void aMalformedContactExpires_countsAsAbsent() {
        SipResponse ok = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>;expires=soon")
                .expires("240")
                .build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=240");
    }

    @Test
    void aMalformedExpiresHeader_meansTheDefault() {
        // RFC 3261 20.19: a malformed Expires is taken as 3600
        SipResponse ok = registrar.register(
                register().contact("<sip:alice@192.0.2.4>").expires("tomorrow").build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=3600");
    }

    @Test
    void anIntervalBelowTheMinimum_is423WithMinExpires_andChangesNothing() {
        SipResponse tooBrief = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>;expires=3600")
                .contact("<sip:alice@192.0.2.5>;expires=30")
                .build());

        assertThat(tooBrief.statusCode()).isEqualTo(423);
        assertThat(tooBrief.header("Min-Expires")).contains("60");
        assertThat(registrar.lookup(ALICE)).isEmpty();
    }

    @Test
    void anIntervalAboveTheMaximum_isShortened() {
        SipResponse ok = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>")
                .expires("4294967295")
                .build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=7200");
    }

    @Test
    void aBinding_expiresOnTheClock_andTheOkCountsDown() {
        registrar.register(
                register().contact("<sip:alice@192.0.2.4>").expires("600").build());
        clock.advance(Duration.ofSeconds(200));

        SipResponse query = registrar.register(register().cseq(2).build());
        assertThat(contacts(query)).containsExactly("<sip:alice@192.0.2.4>;expires=400");

        clock.advance(Duration.ofSeconds(400));
        assertThat(registrar.lookup(ALICE)).isEmpty();
        assertThat(locations.purgeExpired()).isEqualTo(1);
        assertThat(locations.size()).isZero();
    }

    @Test
    void expiresZero_removesThatBindingOnly() {
        registrar.register(register()
                .contact("<sip:alice@192.0.2.4>, <sip:alice@192.0.2.5>")
                .build());
        SipResponse ok = registrar.register(
                register().cseq(2).contact("<sip:alice@192.0.2.4>;expires=0").build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.5>;expires=3600");
    }

    @Test
    void expiresZero_forAContactNotBound_changesNothing() {
        SipResponse ok = registrar.register(
                register().contact("<sip:alice@192.0.2.9>").expires("0").build());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(contacts(ok)).isEmpty();
    }

    @Test
    void theWildcardWithExpiresZero_removesEveryBinding() {
        registrar.register(register()
                .contact("<sip:alice@192.0.2.4>, <sip:alice@192.0.2.5>")
                .build());
        registrar.register(register()
                .callId("other-device")
                .contact("<sip:alice@192.0.2.6>")
                .build());

        SipResponse ok =
                registrar.register(register().cseq(2).contact("*").expires("0").build());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(contacts(ok)).isEmpty();
        assertThat(registrar.lookup(ALICE)).isEmpty();
    }

    @Test
    void theWildcard_withoutExpiresZero_is400() {
        registrar.register(register().contact("<sip:alice@192.0.2.4>").build());
        assertThat(registrar.register(register().cseq(2).contact("*").build()).statusCode())
                .isEqualTo(400);
        assertThat(registrar
                        .register(register().cseq(3).contact("*").expires("60").build())
                        .statusCode())
                .isEqualTo(400);
        assertThat(registrar.lookup(ALICE)).hasSize(1);
    }

    @Test
    void theWildcard_besideAnotherContact_is400() {
        assertThat(registrar
                        .register(register()
                                .contact("*")
                                .contact("<sip:alice@192.0.2.4>")
                                .expires("0")
                                .build())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theWildcard_withAnOldCSeqOfTheSameCallId_failsAndKeepsTheBindings() {
        registrar.register(register().cseq(5).contact("<sip:alice@192.0.2.4>").build());
        SipResponse r =
                registrar.register(register().cseq(4).contact("*").expires("0").build());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(registrar.lookup(ALICE)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4})
    void theSameCallId_withACSeqNotHigher_isRejected_andNothingChanges(long cseq) {
        registrar.register(register()
                .cseq(4)
                .contact("<sip:alice@192.0.2.4>")
                .expires("600")
                .build());

        SipResponse r = registrar.register(register()
                .cseq(cseq)
                .contact("<sip:alice@192.0.2.5>") // new: would be added
                .contact("<sip:alice@192.0.2.4>;expires=1200") // out of order: aborts everything
                .build());

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(registrar.lookup(ALICE))
                .singleElement()
                .satisfies(
                        b -> assertThat(b.expiresAt()).isEqualTo(clock.instant().plusSeconds(600)));
    }

    @Test
    void anotherCallId_replacesTheBinding_whateverItsCSeq() {
        registrar.register(register()
                .cseq(9)
                .contact("<sip:alice@192.0.2.4>")
                .expires("600")
                .build());
        SipResponse ok = registrar.register(register()
                .callId("rebooted")
                .cseq(1)
                .contact("<sip:alice@192.0.2.4>")
                .expires("900")
                .build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=900");
        assertThat(registrar.lookup(ALICE).get(0).callId()).isEqualTo("rebooted");
    }

    @Test
    void contactsMatchByUriEquality_notByText() {
        registrar.register(register()
                .contact("<sip:alice@HOST.example:5070;transport=UDP>")
                .build());
        SipResponse ok = registrar.register(register()
                .cseq(2)
                .contact("<sip:alice@host.example:5070;transport=udp;ob>;expires=0")
                .build());
        assertThat(contacts(ok)).isEmpty();
    }

    @Test
    void otherContactParameters_areKept_andTheRepeatedContactsLastValueWins() {
        SipResponse ok = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"")
                .contact("<sip:alice@192.0.2.4>;expires=120")
                .build());
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=120");

        SipResponse again = registrar.register(register()
                .cseq(2)
                .contact("<sip:alice@192.0.2.4>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"")
                .build());
        assertThat(contacts(again))
                .containsExactly(
                        "<sip:alice@192.0.2.4>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";expires=3600");
    }

    @Test
    void aRegisterWithoutContact_isAQuery() {
        registrar.register(register().contact("<sip:alice@192.0.2.4>").build());
        SipResponse ok = registrar.register(register().cseq(1).build()); // a query has no ordering rule
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(contacts(ok)).containsExactly("<sip:alice@192.0.2.4>;expires=3600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0.1234", "1.5", "abc", ".5", "1.001"})
    void aMalformedQValue_is400_andChangesNothing(String q) {
        SipResponse r = registrar.register(
                register().contact("<sip:alice@192.0.2.4>;q=" + q).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(registrar.lookup(ALICE)).isEmpty();
    }

    @Test
    void aRequiredExtension_is420WithUnsupported() {
        SipResponse r = registrar.register(register()
                .contact("<sip:alice@192.0.2.4>")
                .header("Require", "path, gruu")
                .build());
        assertThat(r.statusCode()).isEqualTo(420);
        assertThat(r.unsupported()).containsExactly("path", "gruu");
        assertThat(registrar.lookup(ALICE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"sip:other.example,<sip:alice@bank.example>", "sip:bank.example,<sip:alice@other.example>"})
    void aDomainNotServed_is404(String requestUri, String to) {
        SipResponse r = registrar.register(register()
                .requestUri(requestUri)
                .to(to)
                .contact("<sip:alice@192.0.2.4>")
                .build());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void aTelAddressOfRecord_is404() {
        SipResponse r = registrar.register(register()
                .to("<tel:+8613800138000>")
                .contact("<sip:x@192.0.2.4>")
                .build());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void theAddressOfRecord_isCanonical() {
        assertThat(Registrar.canonical(SipUri.parse("sip:%61lice@BANK.example;transport=tcp?subject=x")))
                .isEqualTo("sip:alice@bank.example");
        assertThat(Registrar.canonical(SipUri.parse("sips:alice@bank.example:5061")))
                .isEqualTo("sips:alice@bank.example:5061");
        registrar.register(register()
                .to("\"Alice\" <sip:alice@Bank.Example;user=phone>")
                .contact("<sip:alice@192.0.2.4>")
                .build());
        assertThat(registrar.lookup(ALICE)).hasSize(1);
        assertThatThrownBy(() -> Registrar.canonical(SipUri.parse("tel:+1-201-555-0123")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aRequestOtherThanRegister_isRefused() {
        assertThatThrownBy(() -> registrar.register((io.remotebank.signaling.sip.SipRequest)
                        io.remotebank.signaling.sip.SipRequest.builder("OPTIONS", "sip:bank.example")
                                .header("Via", "SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKx")
                                .header("From", "<sip:a@b>;tag=1")
                                .header("To", "<sip:a@b>")
                                .header("Call-ID", "c")
                                .header("CSeq", "1 OPTIONS")
                                .build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aRequestMissingAMandatoryField_is400() {
        SipResponse r = registrar.register((io.remotebank.signaling.sip.SipRequest)
                io.remotebank.signaling.sip.SipRequest.builder("REGISTER", "sip:bank.example")
                        .header("Via", "SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKx")
                        .header("To", "<sip:alice@bank.example>")
                        .header("Call-ID", "c")
                        .header("CSeq", "1 REGISTER")
                        .build());
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void anAuthenticatedUser_mayNotRegisterSomeoneElsesAddress() {
        var users = new io.remotebank.signaling.sip.auth.InMemoryCredentialStore()
                .putPassword("bank.example", "bob", "bob-pw");
        Registrar guarded = Registrar.builder(locations)
                .clock(clock)
                .authenticator(io.remotebank.signaling.sip.auth.DigestAuthenticator.builder("bank.example", users)
                        .clock(clock)
                        .build())
                .build();
        var bob = io.remotebank.signaling.sip.auth.DigestClient.of("bob", "bob-pw");
        io.remotebank.signaling.sip.SipRequest first =
                register().contact("<sip:bob@192.0.2.4>").build(); // To: alice
        SipResponse challenge = guarded.register(first);
        assertThat(challenge.statusCode()).isEqualTo(401);

        SipResponse forbidden = guarded.register(bob.authorize(first, challenge).orElseThrow());

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(registrar.lookup(ALICE)).isEmpty();

        io.remotebank.signaling.sip.SipRequest own = register()
                .to("<sip:bob@bank.example>")
                .contact("<sip:bob@192.0.2.4>")
                .build();
        SipResponse ok =
                guarded.register(bob.authorize(own, guarded.register(own)).orElseThrow());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentRegisters_ofOneAddressOfRecord_loseNoBinding() throws Exception {
        int threads = 8;
        int each = 20;
        Registrar registrar = Registrar.builder(locations)
                .clock(clock)
                .domains("bank.example")
                .maxBindingsPerAddressOfRecord(threads * each) // above the default of 10
                .build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < each; i++) {
                        SipResponse r = registrar.register(register()
                                .callId("device-" + id)
                                .cseq(i + 1)
                                .contact("<sip:alice@192.0.2." + id + ":" + (5000 + i) + ">")
                                .build());
                        ok += r.statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (var f : results) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(each);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registrar.lookup(ALICE)).hasSize(threads * each);
    }

    @Test
    void settingsOutOfRange_areRefusedAtOnce() {
        assertThatThrownBy(() -> Registrar.builder(locations).minExpires(Duration.ZERO))
                .hasMessageContaining("minExpires");
        assertThatThrownBy(() -> Registrar.builder(locations).maxExpires(Duration.ofMillis(1500)))
                .hasMessageContaining("maxExpires");
        assertThatThrownBy(() -> Registrar.builder(locations)
                        .minExpires(Duration.ofSeconds(600))
                        .defaultExpires(Duration.ofSeconds(300))
                        .build())
                .hasMessageContaining("default expiry 300 s");
        assertThatThrownBy(() -> Registrar.builder(locations).domains(" ")).hasMessageContaining("blank");
    }

    @Test
    void inFrontOf_answersRegister_andPassesEverythingElseOn() {
        List<String> passed = new ArrayList<>();
        TransactionUser behind = tx -> passed.add(tx.request().method());
        TransactionUser front = registrar.inFrontOf(behind);
        List<SipResponse> sent = new ArrayList<>();

        front.onRequest(transaction(register().contact("<sip:alice@192.0.2.4>").build(), sent));
        front.onRequest(transaction(
                (io.remotebank.signaling.sip.SipRequest)
                        io.remotebank.signaling.sip.SipRequest.builder("OPTIONS", "sip:bank.example")
                                .header("Via", "SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKy")
                                .header("From", "<sip:a@b>;tag=1")
                                .header("To", "<sip:a@b>")
                                .header("Call-ID", "c")
                                .header("CSeq", "1 OPTIONS")
                                .build(),
                sent));

        assertThat(sent).extracting(SipResponse::statusCode).containsExactly(200);
        assertThat(passed).containsExactly("OPTIONS");
    }

    private static ServerTransaction transaction(
            io.remotebank.signaling.sip.SipRequest request, List<SipResponse> sent) {
        return new ServerTransaction() {
            @Override
            public io.remotebank.signaling.sip.SipRequest request() {
                return request;
            }

            @Override
            public io.remotebank.signaling.sip.transaction.TransactionState state() {
                return io.remotebank.signaling.sip.transaction.TransactionState.TRYING;
            }

            @Override
            public io.remotebank.signaling.sip.transaction.SipTransportChannel channel() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<SipResponse> lastResponse() {
                return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1));
            }

            @Override
            public void respond(SipResponse response) {
                sent.add(response);
            }
        };
    }
}
