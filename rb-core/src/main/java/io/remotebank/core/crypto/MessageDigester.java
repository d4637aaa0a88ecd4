package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An incremental hash (SHA-256 or SM3) from {@link CryptoSuite#newDigester()}. Not thread-safe:
 * one per thread or per task.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface MessageDigester {

    /**
     * Adds one byte.
     *
     * @param b the byte
     * @return this digester
     */
    MessageDigester update(byte b);

    /**
     * Adds bytes.
     *
     * @param data the bytes
     * @param offset where to start
     * @param length how many
     * @return this digester
     */
    MessageDigester update(byte[] data, int offset, int length);

    /**
     * Adds bytes.
     *
     * @param data the bytes
     * @return this digester
     */
    default MessageDigester update(byte[] data) {
        return update(data, 0, data.length);
    }

    /** Finishes the hash and resets the digester for the next message. */
    byte[] digest();

    /** The length of the hash in bytes (32 for SHA-256 and SM3). */
    int length();
}
