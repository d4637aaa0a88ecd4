package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The error codes of rb-core, each with the one exception class it is thrown with; {@code docs/rb-core.md} lists each one. */
@API(status = STABLE, since = "0.1")
public enum CoreError implements ErrorCode {
    /** A required argument is null or blank. */
    ARGUMENT_MISSING("core.argument.missing", "A required argument is null or blank.", ValidationException.class),
    /** An argument is present but outside what the method accepts. */
    ARGUMENT_INVALID(
            "core.argument.invalid",
            "An argument is present but malformed or out of range.",
            ValidationException.class),
    /** A customer id does not match the allowed syntax. */
    CUSTOMER_ID_INVALID(
            "core.customer-id.invalid",
            "A customer id is not 1-64 characters of A-Z a-z 0-9 . _ : -.",
            ValidationException.class),
    /** An agent id does not match the allowed syntax. */
    AGENT_ID_INVALID(
            "core.agent-id.invalid",
            "An agent id is not 1-64 characters of A-Z a-z 0-9 . _ : -.",
            ValidationException.class),
    /** A phone number is neither a mainland mobile number nor an E.164 number. */
    PHONE_NUMBER_INVALID(
            "core.phone-number.invalid",
            "A phone number is neither an E.164 number nor a mainland mobile number.",
            ValidationException.class),
    /** A correlation id does not match the allowed syntax. */
    CORRELATION_ID_INVALID(
            "core.correlation-id.invalid",
            "A correlation id is not 8-128 characters of A-Z a-z 0-9 . _ -.",
            ValidationException.class),
    /** No provider of an SPI is registered or discovered. */
    SPI_NOT_FOUND(
            "core.spi.not-found", "No provider of a required SPI is registered or discovered.", SpiException.class),
    /** A provider found by ServiceLoader could not be loaded or instantiated. */
    SPI_LOAD_FAILED(
            "core.spi.load-failed",
            "A discovered SPI provider could not be loaded or instantiated.",
            SpiException.class),
    /** A consent record is incomplete or inconsistent. */
    CONSENT_INVALID("core.consent.invalid", "A consent record is incomplete or inconsistent.", ConsentException.class),
    /** An embedded store could not read or write its files. */
    STORAGE_FAILED(
            "core.storage.failed", "An embedded store could not read or write its files.", StorageException.class),
    /** An embedded store's files are damaged. */
    STORAGE_CORRUPT(
            "core.storage.corrupt",
            "An embedded store's files are damaged beyond a torn last record.",
            StorageException.class),
    /** A key id is not known to the key provider. */
    KEY_NOT_FOUND("core.crypto.key-not-found", "A key id is not known to the key provider.", CryptoException.class),
    /** A key existed but was destroyed (crypto-shredding): what it protected is unreadable for good. */
    KEY_DESTROYED(
            "core.crypto.key-destroyed",
            "A key was destroyed; the data it protected cannot be read any more.",
            CryptoException.class),
    /** A key id is already taken. */
    KEY_EXISTS("core.crypto.key-exists", "A key with this id already exists.", CryptoException.class),
    /** A key is used for an operation its type does not support. */
    KEY_TYPE_MISMATCH(
            "core.crypto.key-type-mismatch",
            "A key's type does not support the requested operation.",
            CryptoException.class),
    /** A keystore's password is wrong or its master key does not match. */
    KEYSTORE_LOCKED(
            "core.crypto.keystore-locked",
            "A keystore cannot be opened: the password is wrong.",
            CryptoException.class),
    /** Ciphertext, a key encoding or a signature encoding is malformed. */
    CRYPTO_MALFORMED(
            "core.crypto.malformed", "A ciphertext, key or signature encoding is malformed.", CryptoException.class),
    /** Authenticated decryption failed: the data or its associated data was altered, or the key is wrong. */
    AUTHENTICATION_FAILED(
            "core.crypto.authentication-failed",
            "Authenticated decryption failed: the data was altered or the key is wrong.",
            CryptoException.class),
    /** The crypto suite does not offer the requested algorithm. */
    ALGORITHM_UNSUPPORTED(
            "core.crypto.unsupported",
            "The crypto suite does not offer the requested algorithm.",
            CryptoException.class),
    /** An audit event is malformed: bad action name, unsupported detail, too large. */
    AUDIT_EVENT_INVALID(
            "core.audit.event-invalid",
            "An audit event is malformed: bad action, unsupported detail or too large.",
            AuditException.class),
    /** An audit event could not be stored; the audited operation must be treated as failed. */
    AUDIT_APPEND_FAILED(
            "core.audit.append-failed",
            "An audit event could not be stored; the operation being audited must be treated as failed.",
            AuditException.class),
    /** The audit trail is closed, or stopped after a storage failure. */
    AUDIT_CLOSED(
            "core.audit.closed",
            "The audit trail is closed, or stopped accepting events after a storage failure.",
            AuditException.class),
    /** A proof was asked for a range the trail does not hold. */
    AUDIT_PROOF_RANGE(
            "core.audit.proof-range",
            "A proof was asked for a sequence number or tree size the trail does not hold.",
            AuditException.class),
    /** A TLS policy leaves none of the protocols a TLS context enables. */
    TLS_POLICY_UNSATISFIABLE(
            "core.tls.no-protocol",
            "The TLS policy allows none of the protocols the TLS context enables.",
            ValidationException.class),
    /** The checkpoint signer's key type is not the signing key type of the trail's crypto suite. */
    AUDIT_SIGNER_MISMATCH(
            "core.audit.signer-mismatch",
            "The audit trail's signer is not a key of its crypto suite's signing type (P-256 with the SM suite, SM2 with"
                    + " the international one).",
            ValidationException.class),
    /** A stored audit trail does not match its own signed checkpoints. */
    AUDIT_TAMPERED(
            "core.audit.tampered", "A stored audit trail does not match its signed checkpoints.", AuditException.class);

    private final String code;
    private final String meaning;
    private final Class<? extends RbException> exceptionType;

    CoreError(String code, String meaning, Class<? extends RbException> exceptionType) {
        this.code = code;
        this.meaning = meaning;
        this.exceptionType = exceptionType;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public Class<? extends RbException> exceptionType() {
        return exceptionType;
    }
}
