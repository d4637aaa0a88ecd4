package io.remotebank.channels.smpp.charset;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What data_coding 0 ("SMSC default alphabet", SMPP v3.4 section 5.2.19) means at a given SMSC:
 * SMSCs differ, so the client is told.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DefaultAlphabet {
    /** The GSM 7-bit default alphabet with its extension table, one septet per octet. */
    GSM7,
    /** ISO-8859-1 (Latin-1), one octet per character. */
    LATIN1,
    /** US-ASCII (IA5), one octet per character. */
    ASCII
}
