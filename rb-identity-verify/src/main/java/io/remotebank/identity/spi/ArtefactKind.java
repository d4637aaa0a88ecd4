package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What an artefact is. Every kind is personal data and is kept encrypted for its customer. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ArtefactKind {
    /** The customer's own statement: name, identity number, card, phone (JSON). */
    APPLICATION,
    /** A photo or scan of the identity document. */
    DOCUMENT_IMAGE,
    /** The holder's photo cut from the document. */
    DOCUMENT_PORTRAIT,
    /** What was read from the document: MRZ lines and fields (JSON). */
    DOCUMENT_DATA,
    /** A frame of the liveness check, the one a face match uses. */
    LIVENESS_FRAME,
    /** The liveness video. */
    LIVENESS_VIDEO,
    /** Another image a vendor returns for audit. */
    AUDIT_IMAGE,
    /** A vendor's raw answer, kept as evidence of what it said. */
    VENDOR_PAYLOAD
}
