package io.remotebank.signaling.sip.transaction;

import java.security.SecureRandom;

/** The randomness of {@link TransactionLayer#newBranch()} (an interface holds no private field). */
final class Branches {

    /** RFC 3261 8.1.1.7: a branch must be unique across space and time. */
    static final SecureRandom RANDOM = new SecureRandom();

    private Branches() {}
}
