package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A stable, documented error code carried by every {@link RbException}: {@code module.concern.reason},
 * lower case with hyphens, e.g. {@code core.phone-number.invalid}. Codes never change meaning once
 * released; callers may switch on them.
 *
 * <p>Each module declares its codes in an enum implementing this interface (rb-core's are in {@link
 * CoreError}) and lists them in its guide.
 */
@API(status = STABLE, since = "0.1")
public interface ErrorCode {

    /** The code, e.g. {@code core.phone-number.invalid}. */
    String code();

    /** One sentence saying what the code means, for documentation and logs. */
    String meaning();
}
