package io.remotebank.signaling.internal.webrtc;

/** One client connection as the hub sees it: text out, and a close with a WebSocket status. */
interface Link {

    /** Sends one text message; safe from any thread. */
    void send(String text);

    /** Closes the connection with a WebSocket close status (RFC 6455 7.4) and reason. */
    void close(int status, String reason);
}
