package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.crypto.EncryptedField;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.ArtefactVault;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** The embedded vault: encrypted artefacts in memory, by customer and hash. */
@API(status = INTERNAL, since = "0.1")
public final class MemoryVault implements ArtefactVault {

    private final FieldEncryption fields;
    private final int maxBytes;
    private final Map<CustomerId, Map<String, Stored>> byCustomer = new ConcurrentHashMap<>();
    private final Set<CustomerId> shredded = ConcurrentHashMap.newKeySet();

    private record Stored(ArtefactRef ref, EncryptedField bytes) {}

    public MemoryVault(FieldEncryption fields, int maxBytes) {
        this.fields = fields;
        this.maxBytes = maxBytes;
    }

    @Override
    public ArtefactRef put(CustomerId customer, Artefact artefact) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(artefact, "artefact");
        if (artefact.size() > maxBytes) {
            throw new IdentityException(
                    IdentityError.ARTEFACT_TOO_LARGE,
                    "an artefact of " + artefact.size() + " bytes is above the vault's " + maxBytes);
        }
        if (shredded.contains(customer)) {
            throw new IdentityException(IdentityError.ARTEFACT_SHREDDED, "the customer's artefacts were shredded");
        }
        ArtefactRef ref = artefact.ref();
        byCustomer
                .computeIfAbsent(customer, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        ref.sha256(), h -> new Stored(ref, fields.encrypt(customer, artefact.bytes(), context(ref))));
        return ref;
    }

    @Override
    public Optional<Artefact> get(CustomerId customer, ArtefactRef ref) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(ref, "ref");
        Map<String, Stored> kept = byCustomer.get(customer);
        Stored s = kept == null ? null : kept.get(ref.sha256());
        if (s == null) {
            return Optional.empty();
        }
        byte[] bytes = fields.decrypt(s.bytes(), context(s.ref()));
        return Optional.of(Artefact.of(s.ref().kind(), s.ref().mediaType(), bytes));
    }

    @Override
    public int shred(CustomerId customer) {
        Arguments.notNull(customer, "customer");
        shredded.add(customer);
        Map<String, Stored> kept = byCustomer.remove(customer);
        fields.shred(customer);
        return kept == null ? 0 : kept.size();
    }

    /** Binds the ciphertext to its hash and kind, so one artefact's bytes cannot pose as another's. */
    private static byte[] context(ArtefactRef ref) {
        return ("rb-identity-artefact:" + ref.kind() + ":" + ref.sha256()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MemoryVault[" + byCustomer.size() + " customers]";
    }
}
