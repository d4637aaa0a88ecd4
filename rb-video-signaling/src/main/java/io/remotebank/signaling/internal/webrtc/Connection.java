package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** One client connection's state in the hub: its link and, once joined or resumed, its session. */
@API(status = INTERNAL, since = "0.1")
public final class Connection {

    final Link link;
    Session session;
    boolean closed;

    Connection(Link link) {
        this.link = link;
    }
}
