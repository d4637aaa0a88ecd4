package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import io.remotebank.identity.IdentityError;
import org.apiguardian.api.API;

/**
 * A vendor's error, as the vendor named it and as the SDK understands it.
 *
 * @param vendorCode the vendor's own code, e.g. {@code RequestLimitExceeded}, {@code
 *     ThrottlingException} or {@code http-503}
 * @param message the vendor's message, personal data masked, at most 256 characters
 * @param canonical what it means to the flow (retry, fail over, or give up)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record VendorError(String vendorCode, String message, IdentityError canonical) {

    private static final int MAX_MESSAGE = 256;

    /** Validates the error, masks personal data in the message and bounds its length. */
    public VendorError {
        Arguments.notBlank(vendorCode, "vendorCode");
        Arguments.notNull(message, "message");
        Arguments.notNull(canonical, "canonical");
        String masked = Mask.text(message.replaceAll("\\p{Cntrl}", " "));
        message = masked.length() > MAX_MESSAGE ? masked.substring(0, MAX_MESSAGE) + "..." : masked;
        vendorCode = vendorCode.length() > 128 ? vendorCode.substring(0, 128) : vendorCode;
    }

    /** Whether the same provider may be asked again. */
    public boolean retryable() {
        return canonical.retryable();
    }
}
