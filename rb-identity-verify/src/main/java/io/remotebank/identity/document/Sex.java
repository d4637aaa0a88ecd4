package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The sex a document records. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Sex {
    /** Male ({@code M}; an odd GB 11643 sequence code). */
    MALE,
    /** Female ({@code F}; an even GB 11643 sequence code). */
    FEMALE,
    /** Not specified ({@code <} or {@code X} in an MRZ), or not readable. */
    UNSPECIFIED
}
