package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.SignalingError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An SDP session description (RFC 8866): the session-level lines and the media descriptions.
 * {@link #parse(String)} accepts the whole grammar (lines in the order RFC 8866 5 gives, CRLF or LF
 * line ends); {@link #toString()} writes it back with CRLF.
 *
 * @param version the {@code v=} value (0)
 * @param origin the {@code o=} line
 * @param sessionName the {@code s=} value
 * @param information the {@code i=} line
 * @param uri the {@code u=} line
 * @param emails the {@code e=} lines
 * @param phones the {@code p=} lines
 * @param connection the session-level {@code c=} line
 * @param bandwidths the {@code b=} lines as written
 * @param times the {@code t=} lines, each followed by its {@code r=} lines, as written
 * @param zone the {@code z=} line
 * @param key the {@code k=} line
 * @param attributes the session-level {@code a=} lines
 * @param media the media descriptions
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SessionDescription(
        int version,
        Origin origin,
        String sessionName,
        Optional<String> information,
        Optional<String> uri,
        List<String> emails,
        List<String> phones,
        Optional<Connection> connection,
        List<String> bandwidths,
        List<String> times,
        Optional<String> zone,
        Optional<String> key,
        List<Attribute> attributes,
        List<MediaDescription> media) {

    /** Checks the parts and copies the lists. */
    public SessionDescription {
        Arguments.notNull(origin, "origin");
        Arguments.notNull(sessionName, "sessionName");
        Arguments.notNull(information, "information");
        Arguments.notNull(uri, "uri");
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        Arguments.notNull(connection, "connection");
        bandwidths = List.copyOf(bandwidths);
        times = List.copyOf(times);
        Arguments.notNull(zone, "zone");
        Arguments.notNull(key, "key");
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        if (times.isEmpty()) {
            throw new SdpParseException(SignalingError.SDP_MALFORMED, 0, "a session needs a t= line");
        }
    }

    /**
     * Parses a session description.
     *
     * @param text the SDP
     * @return the session description
     * @throws SdpParseException when it is malformed
     */
    public static SessionDescription parse(String text) {
        return new SdpReader(text).read();
    }

    /**
     * Parses a session description from UTF-8 bytes.
     *
     * @param bytes the SDP
     * @return the session description
     */
    public static SessionDescription parse(byte[] bytes) {
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * A builder.
     *
     * @param origin the origin
     * @return the builder
     */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    /**
     * The value of the first session-level attribute of that name.
     *
     * @param name the name
     * @return the value; {@code ""} for a property attribute
     */
    public Optional<String> attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return Optional.of(a.value().orElse(""));
            }
        }
        return Optional.empty();
    }

    /**
     * The direction of a media description: its own attribute, else the session's, else sendrecv
     * (RFC 8866 6.7).
     *
     * @param m the media description
     * @return the direction
     */
    public Direction directionOf(MediaDescription m) {
        return m.direction().orElseGet(() -> {
            for (Attribute a : attributes) {
                for (Direction d : Direction.values()) {
                    if (a.value().isEmpty() && a.name().equals(d.attributeName())) {
                        return d;
                    }
                }
            }
            return Direction.SENDRECV;
        });
    }

    /** The SDP as text, CRLF after each line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("v=").append(version).append("\r\n");
        sb.append("o=").append(origin).append("\r\n");
        sb.append("s=").append(sessionName).append("\r\n");
        information.ifPresent(i -> sb.append("i=").append(i).append("\r\n"));
        uri.ifPresent(u -> sb.append("u=").append(u).append("\r\n"));
        emails.forEach(e -> sb.append("e=").append(e).append("\r\n"));
        phones.forEach(p -> sb.append("p=").append(p).append("\r\n"));
        connection.ifPresent(c -> sb.append("c=").append(c).append("\r\n"));
        bandwidths.forEach(b -> sb.append("b=").append(b).append("\r\n"));
        times.forEach(t -> sb.append(t).append("\r\n"));
        zone.ifPresent(z -> sb.append("z=").append(z).append("\r\n"));
        key.ifPresent(k -> sb.append("k=").append(k).append("\r\n"));
        attributes.forEach(a -> sb.append("a=").append(a).append("\r\n"));
        media.forEach(sb::append);
        return sb.toString();
    }

    /** Builds a session description. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Origin origin;
        private String sessionName = "-";
        private Connection connection;
        private final List<String> times = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = Arguments.notNull(origin, "origin");
        }

        /**
         * Sets the session name ({@code -} by default).
         *
         * @param name the name
         * @return this builder
         */
        public Builder sessionName(String name) {
            this.sessionName = name;
            return this;
        }

        /**
         * Sets the session-level connection.
         *
         * @param c the connection
         * @return this builder
         */
        public Builder connection(Connection c) {
            this.connection = c;
            return this;
        }

        /**
         * Adds a timing ({@code t=0 0} when none is added).
         *
         * @param start the start time (NTP seconds, 0 for unbounded)
         * @param stop the stop time
         * @return this builder
         */
        public Builder time(long start, long stop) {
            times.add("t=" + start + " " + stop);
            return this;
        }

        /** Copies a checked {@code t=} line as it is (for an answer that keeps the offer's timing). */
        Builder timeLine(String line) {
            times.add(line);
            return this;
        }

        /**
         * Adds a session-level attribute.
         *
         * @param a the attribute
         * @return this builder
         */
        public Builder attribute(Attribute a) {
            attributes.add(a);
            return this;
        }

        /**
         * Adds a media description.
         *
         * @param m the media description
         * @return this builder
         */
        public Builder media(MediaDescription m) {
            media.add(m);
            return this;
        }

        /** The session description. */
        public SessionDescription build() {
            List<String> t = times.isEmpty() ? List.of("t=0 0") : times;
            return new SessionDescription(
                    0,
                    origin,
                    sessionName,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Optional.ofNullable(connection),
                    List.of(),
                    t,
                    Optional.empty(),
                    Optional.empty(),
                    attributes,
                    media);
        }
    }
}
