package io.remotebank.identity.simulator;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulator's behaviours, one per call in order; the last one repeats. */
final class Script {

    private final List<Behaviour> behaviours;
    private final AtomicInteger calls = new AtomicInteger();

    Script(Behaviour... behaviours) {
        Arguments.notNull(behaviours, "behaviours");
        if (behaviours.length == 0) {
            throw new IdentityException(IdentityError.ARGUMENT_INVALID, "a simulator needs at least one behaviour");
        }
        this.behaviours = List.copyOf(Arguments.noNulls(List.of(behaviours), "behaviours"));
    }

    Behaviour next() {
        int n = calls.getAndIncrement();
        return behaviours.get(Math.min(n, behaviours.size() - 1));
    }

    int calls() {
        return calls.get();
    }

    static String vendor(String vendor) {
        Arguments.notBlank(vendor, "vendor");
        if (!vendor.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "a vendor name is lower-case words joined by hyphens, got " + vendor);
        }
        return vendor;
    }
}
