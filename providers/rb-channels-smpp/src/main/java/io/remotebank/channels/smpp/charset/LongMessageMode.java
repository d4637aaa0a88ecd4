package io.remotebank.channels.smpp.charset;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a text too long for one short message is sent. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum LongMessageMode {
    /** Segments with a concatenation UDH, 8-bit reference (3GPP TS 23.040 9.2.3.24.1, IEI 0x00). */
    UDH_8BIT_REFERENCE,
    /** Segments with a concatenation UDH, 16-bit reference (3GPP TS 23.040 9.2.3.24.8, IEI 0x08). */
    UDH_16BIT_REFERENCE,
    /** One submit_sm with the whole text in the message_payload TLV (SMPP v3.4 5.3.2.32). */
    MESSAGE_PAYLOAD
}
