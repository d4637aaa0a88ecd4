package io.remotebank.channels.wechat.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.token.AccessToken;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the access token of each app is kept and who may refresh it: shared by every process of a
 * bank that calls WeChat for the same app, so that they refresh once and none invalidates another's
 * token (WeChat's {@code token} endpoint issues a new token and the old one soon stops working).
 *
 * <p>The refresh is guarded by a <b>lease</b>: {@link #tryLease} succeeds for one holder at a time
 * until the lease expires or is released, atomically across processes (a row update with a
 * condition, a compare-and-set). {@link #publish} stores a token only while the holder still holds
 * the lease. {@link #invalidate} marks a token expired only if it is still the current one, so that a
 * node that was refused an old token does not throw away the new one another node just fetched.
 *
 * <p>Implementations: {@link io.remotebank.channels.wechat.token.TokenStores#inMemory()} (one
 * process), {@link io.remotebank.channels.wechat.token.TokenStores#jdbc} (a database every node
 * shares). Prove one with {@code io.remotebank.tck.channels.TokenStoreContract} from rb-tck.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TokenStore extends AutoCloseable {

    /**
     * The current token of an app.
     *
     * @param appId the app
     * @return the token, or empty when none was stored
     */
    Optional<AccessToken> read(String appId);

    /**
     * Takes the app's refresh lease if no live lease is held, by anyone (the caller included).
     *
     * @param appId the app
     * @param holder who takes it (unique per process and attempt)
     * @param now the time, for judging whether a held lease has expired
     * @param until when the lease expires if not released
     * @return whether the caller now holds the lease
     */
    boolean tryLease(String appId, String holder, Instant now, Instant until);

    /**
     * Stores a token and releases the lease, if the holder still holds it.
     *
     * @param appId the app
     * @param holder the lease's holder
     * @param token the new token
     * @return whether it was stored (false: the lease expired and another holder may have taken it)
     */
    boolean publish(String appId, String holder, AccessToken token);

    /**
     * Releases the lease without storing anything (the refresh failed). Does nothing when the holder
     * does not hold it.
     *
     * @param appId the app
     * @param holder the lease's holder
     */
    void release(String appId, String holder);

    /**
     * Marks the token expired if it is still the given value.
     *
     * @param appId the app
     * @param value the token WeChat refused
     * @return whether it was the current token and is now expired
     */
    boolean invalidate(String appId, String value);

    /** Releases connections. Default: nothing. */
    @Override
    default void close() {}
}
