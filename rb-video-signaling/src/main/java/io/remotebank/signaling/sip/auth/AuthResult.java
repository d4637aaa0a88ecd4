package io.remotebank.signaling.sip.auth;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipResponse;
import org.apiguardian.api.API;

/** What {@link DigestAuthenticator#authenticate} decided about a request. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface AuthResult {

    /**
     * The credentials are valid for this request.
     *
     * @param username the authenticated user name
     * @param realm the realm
     * @param algorithm the algorithm the client used
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Authorized(String username, String realm, DigestAlgorithm algorithm) implements AuthResult {
        /** Checks the parts. */
        public Authorized {
            Arguments.notNull(username, "username");
            Arguments.notNull(realm, "realm");
            Arguments.notNull(algorithm, "algorithm");
        }

        /** The user name masked (it is often a phone number). */
        @Override
        public String toString() {
            return "Authorized[" + Mask.text(username) + "@" + realm + ", " + algorithm.token() + "]";
        }
    }

    /**
     * The request is not authorized; send {@code response} (a 401 or 407 with fresh challenges, or a
     * 400 for malformed credentials).
     *
     * @param failure why
     * @param response the response to send
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Denied(Failure failure, SipResponse response) implements AuthResult {
        /** Checks the parts. */
        public Denied {
            Arguments.notNull(failure, "failure");
            Arguments.notNull(response, "response");
        }
    }

    /** Why a request was denied. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Failure {
        /** No Digest credentials for this realm: the first challenge. */
        NO_CREDENTIALS,
        /**
         * Credentials without a required parameter, with a bad nonce count, a qop other than {@code
         * auth}, or a {@code uri} other than the Request-URI (400 Bad Request).
         */
        MALFORMED,
        /** An algorithm this server does not offer (challenged again). */
        UNSUPPORTED_ALGORITHM,
        /** The user has no hash for that algorithm in this realm (challenged again). */
        UNKNOWN_USER,
        /** The response does not match (challenged again, not stale). */
        WRONG_RESPONSE,
        /** The response matches but the nonce expired or is unknown (challenged with stale=true). */
        STALE_NONCE,
        /** The nonce count was already used with this nonce (challenged with stale=true). */
        REPLAYED_NONCE_COUNT
    }
}
