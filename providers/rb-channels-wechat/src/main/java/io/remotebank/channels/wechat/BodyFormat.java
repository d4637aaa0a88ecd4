package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The format of callback bodies: XML everywhere, JSON as a mini-program's option. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum BodyFormat {
    /** {@code <xml>...</xml>}. */
    XML,
    /** A JSON object (mini-programs only). */
    JSON
}
