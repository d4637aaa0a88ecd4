package io.remotebank.identity;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * The error codes of remote identity verification (flows, vendor SPIs, policy, review, artefacts);
 * {@code docs/rb-identity-verify.md} lists each one. A vendor's own error codes map to these through
 * a {@link io.remotebank.identity.spi.VendorErrorMap}; {@link #retryable()} and {@link #failover()}
 * say what the flow does next.
 */
@API(status = STABLE, since = "0.1")
public enum IdentityError implements ErrorCode {
    /** An argument is present but not acceptable, e.g. a flow definition with a step twice. */
    ARGUMENT_INVALID(
            "identity.argument.invalid", "An argument is present but malformed or out of range.", false, false),
    /** No flow has this id. */
    FLOW_NOT_FOUND("identity.flow.not-found", "No flow has this id.", false, false),
    /** The flow's state was changed by someone else between reading and writing it. */
    FLOW_CONFLICT(
            "identity.flow.conflict",
            "The flow's state was changed by another process or thread between reading and writing it.",
            false,
            false),
    /** A flow needs a capability (OCR, liveness, face match, registry) that has no provider. */
    PROVIDER_MISSING(
            "identity.provider.missing",
            "A flow needs a capability (OCR, liveness, face match, registry) that has no provider.",
            false,
            false),
    /** The provider does not offer this call, e.g. a synchronous liveness check or a query kind. */
    NOT_SUPPORTED(
            "identity.provider.not-supported",
            "The provider does not offer this call (a synchronous liveness check, a registry query kind).",
            false,
            true),
    /** The vendor could not be reached or answered that it is down (5xx, connection refused). */
    VENDOR_UNAVAILABLE(
            "identity.vendor.unavailable",
            "The vendor could not be reached or reported an internal error.",
            true,
            true),
    /** The vendor did not answer within the step's timeout. */
    VENDOR_TIMEOUT("identity.vendor.timeout", "The vendor did not answer within the step's timeout.", true, true),
    /** The vendor refused the call for exceeding a rate or quota. */
    VENDOR_THROTTLED(
            "identity.vendor.throttled", "The vendor refused the call for exceeding a rate or quota.", true, true),
    /** The vendor refused the credentials, the signature or the account (not activated, no permission). */
    VENDOR_CREDENTIALS(
            "identity.vendor.credentials",
            "The vendor refused the credentials, the signature or the account (not activated, no permission).",
            false,
            true),
    /** The vendor refused the request as malformed: a configuration or adapter fault. */
    VENDOR_BAD_REQUEST(
            "identity.vendor.bad-request",
            "The vendor refused the request as malformed (a configuration or adapter fault).",
            false,
            true),
    /** The vendor could not use the customer's input: no face, an unreadable or oversized image. */
    VENDOR_BAD_INPUT(
            "identity.vendor.bad-input",
            "The vendor could not use the customer's input (no face found, an unreadable or oversized image).",
            false,
            false),
    /** The vendor's answer could not be understood. */
    VENDOR_RESPONSE_INVALID(
            "identity.vendor.response-invalid",
            "The vendor's answer could not be parsed or is incomplete.",
            true,
            true),
    /** The vendor does not know the session (expired on its side, or never created). */
    VENDOR_SESSION_UNKNOWN(
            "identity.vendor.session-unknown",
            "The vendor does not know the liveness session (it expired on the vendor's side or never existed).",
            false,
            false),
    /** The vendor reported an error that its error map does not know. */
    VENDOR_FAILED(
            "identity.vendor.failed", "The vendor reported an error that its error map does not name.", true, true),
    /** The provider's circuit breaker is open after too many failures; the call was not made. */
    CIRCUIT_OPEN(
            "identity.vendor.circuit-open",
            "The provider's circuit breaker is open after too many failures; the call was not made.",
            false,
            true),
    /** A biometric step was refused: the customer has not consented to face processing, or withdrew. */
    CONSENT_MISSING(
            "identity.consent.missing",
            "A biometric step was refused because the customer has not granted (or withdrew) face-biometrics consent.",
            false,
            false),
    /** No review case for this flow: it is not waiting for a reviewer. */
    REVIEW_NOT_FOUND(
            "identity.review.not-found",
            "No review case for this flow: it is not waiting for a reviewer.",
            false,
            false),
    /** Another reviewer holds the case and the claim has not expired. */
    REVIEW_CLAIMED(
            "identity.review.claimed", "Another reviewer holds the case and the claim has not expired.", false, false),
    /** The claim is not the current one: it expired, was released, or belongs to someone else. */
    REVIEW_CLAIM_INVALID(
            "identity.review.claim-invalid",
            "The claim is not the case's current claim: it expired, was released or belongs to someone else.",
            false,
            false),
    /** A review decision is not pass or fail, or has no reason. */
    REVIEW_DECISION_INVALID(
            "identity.review.decision-invalid",
            "A review decision must be pass or fail and give a reason.",
            false,
            false),
    /** No artefact with this hash is kept for the customer (never stored, or purged by retention). */
    ARTEFACT_NOT_FOUND(
            "identity.artefact.not-found",
            "No artefact with this hash is kept for the customer (never stored, or removed by retention).",
            false,
            false),
    /** The customer's artefacts were shredded: their keys are destroyed. */
    ARTEFACT_SHREDDED(
            "identity.artefact.shredded",
            "The customer's artefacts were shredded: their keys are destroyed for good.",
            false,
            false),
    /** An artefact is larger than the vault accepts. */
    ARTEFACT_TOO_LARGE("identity.artefact.too-large", "An artefact is larger than the vault accepts.", false, false),
    /** An embedded flow or artefact store could not read or write its files. */
    STORE_FAILED(
            "identity.store.failed",
            "An embedded flow or artefact store could not read or write its files.",
            false,
            false),
    /** An embedded store's data is damaged. */
    STORE_CORRUPT("identity.store.corrupt", "An embedded flow or artefact store's data is damaged.", false, false),
    /** The OCR engine could not be run or failed (not installed, crashed, timed out). */
    OCR_ENGINE_FAILED(
            "identity.ocr.engine-failed",
            "The OCR engine could not be run or failed (not installed, crashed, timed out).",
            true,
            true),
    /** The image given for OCR cannot be decoded. */
    IMAGE_UNREADABLE(
            "identity.ocr.image-unreadable", "The image cannot be decoded (PNG or JPEG expected).", false, false);

    private final String code;
    private final String meaning;
    private final boolean retryable;
    private final boolean failover;

    IdentityError(String code, String meaning, boolean retryable, boolean failover) {
        this.code = code;
        this.meaning = meaning;
        this.retryable = retryable;
        this.failover = failover;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** Every identity code is thrown as an {@link IdentityException}. */
    @Override
    public Class<? extends RbException> exceptionType() {
        return IdentityException.class;
    }

    /**
     * Whether the same provider may succeed if asked again after a pause (an outage, a timeout, a
     * rate limit), so that the step's retry policy applies.
     *
     * @return true for transient vendor errors
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether the next provider of the capability should be tried when this provider gives up; false
     * when the problem lies in the customer's input or the flow itself, which another vendor would
     * not fix.
     *
     * @return true for errors that belong to this provider
     */
    public boolean failover() {
        return failover;
    }
}
