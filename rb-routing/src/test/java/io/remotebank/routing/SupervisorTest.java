package io.remotebank.routing;

import static io.remotebank.core.ContactChannel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.AgentId;
import io.remotebank.core.audit.AuditReader;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervisor overrides: applied, evented and written to the audit trail first. */
class SupervisorTest {

    private static final AgentId SUPERVISOR = AgentId.of("sup-1");

    private static final KeyId SIGNER = KeyId.of("audit/signer");

    private final AuditStore store = AuditStores.inMemory();
    private final AuditTrail trail = openTrail(store);

    private static AuditTrail openTrail(AuditStore store) {
        KeyProvider keys = KeyProviders.inMemory();
        CryptoSuite suite = CryptoSuite.sm();
        keys.generate(SIGNER, suite.signingKeyType());
        return AuditTrail.builder(store).suite(suite).signer(keys, SIGNER).open();
    }

    @AfterEach
    void closeTrail() {
        trail.close();
    }

    private Centre centre() {
        return Centre.with(
                b -> b.auditTrail(trail),
                QueueConfig.builder("service").build(),
                QueueConfig.builder("vip").build());
    }

    private List<String> audited() {
        trail.flush();
        AuditReader reader = AuditReader.of(store, Optional.empty());
        return reader.readJson(0, 100, true);
    }

    @Test
    void forceAssign_connectsTheContact_ignoringSkillsAndReadiness_andIsAudited() {
        try (Centre centre = centre()) {
            AgentId a = centre.ready("a", p -> p.queue("vip"));
            centre.engine.notReady(a, "coaching");
            ContactId c1 = centre.arrive("c1", VOICE, "service", r -> r.skill("fraud", 5));
            centre.engine.forceAssign(c1, a, SUPERVISOR, "customer asked for this agent");
            assertThat(centre.state(c1)).isEqualTo(ContactState.CONNECTED);
            assertThat(centre.engine.agent(a).connected()).containsExactly(c1);
            assertThat(centre.events(RoutingEvent.ContactConnected.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.forced()).isTrue());
            assertThat(audited())
                    .singleElement()
                    .asString()
                    .contains("routing.override.force-assign", "sup-1", "\"c1\"", "customer asked for this agent");
        }
    }

    @Test
    void forceAssign_respectsFreeSlots() {
        try (Centre centre = centre()) {
            AgentId a = centre.ready("a", p -> p.queue("service"));
            centre.acceptOffer(a, centre.arrive("c1", "service"));
            ContactId c2 = centre.arrive("c2", "service");
            RoutingException e = catchThrowableOfType(
                    () -> centre.engine.forceAssign(c2, a, SUPERVISOR, "try"), RoutingException.class);
            assertThat(e.code()).isEqualTo(RoutingError.NO_CAPACITY);
            assertThat(audited()).isEmpty();
            assertThat(centre.state(c2)).isEqualTo(ContactState.WAITING);
        }
    }

    @Test
    void move_keepsThePlace_andIsAudited() {
        try (Centre centre = centre()) {
            ContactId c1 = centre.arrive("c1", "service");
            centre.advanceSeconds(30);
            ContactId v1 = centre.arrive("v1", "vip");
            centre.engine.move(c1, QueueId.of("vip"), SUPERVISOR, "complaint");
            AgentId a = centre.ready("a", p -> p.queue("vip"));
            assertThat(centre.offered(a)).contains(c1);
            assertThat(centre.state(v1)).isEqualTo(ContactState.WAITING);
            assertThat(audited()).singleElement().asString().contains("routing.override.move", "vip");
            assertThat(centre.events(RoutingEvent.ContactMoved.class))
                    .singleElement()
                    .satisfies(m -> assertThat(m.cause()).isEqualTo(RoutingEvent.MoveCause.SUPERVISOR));
        }
    }

    @Test
    void reprioritise_changesTheOrder_andIsAudited() {
        try (Centre centre = centre()) {
            centre.arrive("c1", "service");
            ContactId c2 = centre.arrive("c2", "service");
            centre.engine.reprioritise(c2, 50, SUPERVISOR, "fraud report");
            AgentId a = centre.ready("a", p -> p.queue("service"));
            assertThat(centre.offered(a)).contains(c2);
            assertThat(audited()).singleElement().asString().contains("routing.override.reprioritise", "50");
            assertThat(centre.events(RoutingEvent.SupervisorOverride.class))
                    .singleElement()
                    .satisfies(o -> {
                        assertThat(o.supervisor()).isEqualTo("sup-1");
                        assertThat(o.reason()).isEqualTo("fraud report");
                    });
        }
    }

    @Test
    void overrideThatCannotBeAudited_isNotApplied() {
        try (Centre centre = centre()) {
            ContactId c1 = centre.arrive("c1", "service");
            trail.close();
            RoutingException e = catchThrowableOfType(
                    () -> centre.engine.reprioritise(c1, 50, SUPERVISOR, "fraud report"), RoutingException.class);
            assertThat(e.code()).isEqualTo(RoutingError.AUDIT_FAILED);
            assertThat(centre.engine.contact(c1).orElseThrow().priority()).isZero();
            assertThat(centre.events(RoutingEvent.SupervisorOverride.class)).isEmpty();
        }
    }

    @Test
    void overrideWithoutReason_isRefused() {
        try (Centre centre = centre()) {
            ContactId c1 = centre.arrive("c1", "service");
            RoutingException e = catchThrowableOfType(
                    () -> centre.engine.reprioritise(c1, 50, SUPERVISOR, " "), RoutingException.class);
            assertThat(e.code()).isEqualTo(RoutingError.ARGUMENT_INVALID);
        }
    }
}
