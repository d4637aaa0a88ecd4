package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Checks the token of a join against the room and role the client asks for. {@link JwtJoinTokens}
 * is the implementation for JWTs; a test may give a lambda.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface JoinTokenVerifier {

    /**
     * Verifies a token.
     *
     * @param token the token as the client sent it
     * @param room the room the client asks to join
     * @param role the role the client asks for
     * @return what the token grants
     * @throws JoinTokenException when the token is refused, with the reason's own code
     */
    JoinGrant verify(String token, String room, Role role);
}
