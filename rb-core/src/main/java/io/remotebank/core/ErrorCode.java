package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A stable, documented error code carried by every {@link RbException}: {@code module.concern.reason},
 * lower case with hyphens, e.g. {@code core.phone-number.invalid}. Codes never change meaning once
 * released; callers may switch on them.
 *
 * <p>Each module declares its codes in an enum implementing this interface (rb-core's are in {@link
 * CoreError}) and lists them in its guide with the exception class each is thrown with: one code,
 * one class ({@link #exceptionType()}), so that a caller who catches that class sees every failure
 * with the code.
 */
@API(status = STABLE, since = "0.1")
public interface ErrorCode {

    /** The code, e.g. {@code core.phone-number.invalid}. */
    String code();

    /** One sentence saying what the code means, for documentation and logs. */
    String meaning();

    /**
     * The one exception class this code is thrown with: every {@link RbException} carrying the code
     * is of exactly this class. {@link RbException}'s constructor asserts it (tests run with
     * assertions on), and the build checks that each SDK module's codes declare a documented
     * subclass. The default, {@code RbException.class}, declares nothing and is accepted with any
     * subclass: for an application's or a vendor's own codes; no SDK module leaves it.
     *
     * @return the exception class
     */
    default Class<? extends RbException> exceptionType() {
        return RbException.class;
    }
}
