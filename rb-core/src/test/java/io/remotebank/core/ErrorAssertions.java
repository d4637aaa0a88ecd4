package io.remotebank.core;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the SDK's exceptions, shared by rb-core's tests. */
public final class ErrorAssertions {

    private ErrorAssertions() {}

    /**
     * Asserts that a throwable is an {@link RbException} with a given code.
     *
     * @param thrown what was thrown
     * @param code the expected code
     */
    public static void assertCode(Throwable thrown, ErrorCode code) {
        assertThat(thrown).isInstanceOf(RbException.class);
        assertThat(((RbException) thrown).code()).isEqualTo(code);
    }
}
