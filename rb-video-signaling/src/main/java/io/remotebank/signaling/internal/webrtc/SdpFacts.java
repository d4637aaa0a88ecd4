package io.remotebank.signaling.internal.webrtc;

/**
 * The two facts the relay reads from a JSEP description, by a line scan that tolerates every
 * browser's SDP: the ICE username fragment (RFC 8839 5.4) and whether any media section sends.
 */
final class SdpFacts {

    private SdpFacts() {}

    /** The first {@code a=ice-ufrag} value, or null. */
    static String iceUfrag(String sdp) {
        for (String line : sdp.split("\r?\n", -1)) {
            if (line.startsWith("a=ice-ufrag:")) {
                return line.substring("a=ice-ufrag:".length()).trim();
            }
        }
        return null;
    }

    /**
     * Whether some media section sends: its direction (its own attribute, else the session's, else
     * sendrecv, RFC 3264 5.1) is sendrecv or sendonly, and its port is not 0 (a rejected stream).
     */
    static boolean sends(String sdp) {
        String sessionDirection = null;
        String mediaDirection = null;
        boolean inMedia = false;
        boolean rejected = false;
        boolean sends = false;
        for (String line : sdp.split("\r?\n", -1)) {
            if (line.startsWith("m=")) {
                if (inMedia) {
                    sends |= !rejected && sending(mediaDirection, sessionDirection);
                }
                inMedia = true;
                mediaDirection = null;
                String[] parts = line.substring(2).split(" ");
                rejected = parts.length > 1 && parts[1].equals("0");
            } else if (line.startsWith("a=")) {
                String attribute = line.substring(2).trim();
                if (attribute.equals("sendrecv")
                        || attribute.equals("sendonly")
                        || attribute.equals("recvonly")
                        || attribute.equals("inactive")) {
                    if (inMedia) {
                        mediaDirection = attribute;
                    } else {
                        sessionDirection = attribute;
                    }
                }
            }
        }
        if (inMedia) {
            sends |= !rejected && sending(mediaDirection, sessionDirection);
        }
        return sends;
    }

    private static boolean sending(String media, String session) {
        String direction = media != null ? media : session != null ? session : "sendrecv";
        return direction.equals("sendrecv") || direction.equals("sendonly");
    }
}
