package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How the (r, s) pair of an ECDSA or SM2 signature is written. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SignatureEncoding {
    /** ASN.1 DER {@code SEQUENCE { INTEGER r, INTEGER s }}: X.509, CMS, most libraries. */
    DER,
    /** Fixed-length {@code r || s}, 32 bytes each (IEEE P1363; many Chinese bank and HSM interfaces). */
    PLAIN
}
