package io.remotebank.segmentation;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * A segmentation operation was refused: a PMML document could not be imported, or a record could
 * not be scored. Messages name fields and PMML elements but never echo a record's values, which may
 * be personal data.
 */
@API(status = STABLE, since = "0.1")
public class SegmentationException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message the details, for people
     */
    public SegmentationException(SegmentationError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message the details, for people
     * @param cause the underlying failure
     */
    public SegmentationException(SegmentationError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public SegmentationError code() {
        return (SegmentationError) super.code();
    }
}
