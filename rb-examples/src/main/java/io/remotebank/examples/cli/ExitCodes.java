package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The exit codes of every {@code rb} command. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** A check failed, or some of the items failed (e.g. a tampered audit trail). */
    public static final int CHECK_FAILED = 1;

    /** Bad usage: an unknown option, a missing or invalid argument. */
    public static final int USAGE = 2;

    /** A runtime error: a port in use, a peer unreachable, an I/O failure. */
    public static final int RUNTIME_ERROR = 3;

    private ExitCodes() {}
}
