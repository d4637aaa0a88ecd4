package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One media description: the {@code m=} line and the lines under it (RFC 8866 5.14).
 *
 * @param media {@code audio}, {@code video}, {@code application}...
 * @param port the port; 0 marks a rejected or disabled stream (RFC 3264 6)
 * @param portCount the number of ports ({@code /n}), 1 when not given
 * @param proto the transport protocol, e.g. {@code RTP/AVP}, {@code UDP/TLS/RTP/SAVPF}
 * @param formats the formats (payload types for RTP) in preference order
 * @param information the {@code i=} line
 * @param connections the {@code c=} lines
 * @param bandwidths the {@code b=} lines as written
 * @param key the {@code k=} line
 * @param attributes the {@code a=} lines in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MediaDescription(
        String media,
        int port,
        int portCount,
        String proto,
        List<String> formats,
        Optional<String> information,
        List<Connection> connections,
        List<String> bandwidths,
        Optional<String> key,
        List<Attribute> attributes) {

    /** Checks the parts and copies the lists. */
    public MediaDescription {
        Arguments.notNull(media, "media");
        Arguments.notNull(proto, "proto");
        formats = List.copyOf(formats);
        Arguments.notNull(information, "information");
        connections = List.copyOf(connections);
        bandwidths = List.copyOf(bandwidths);
        Arguments.notNull(key, "key");
        attributes = List.copyOf(attributes);
        if (port < 0 || port > 65535 || portCount < 1) {
            throw new SdpParseException(
                    io.remotebank.signaling.SignalingError.SDP_MALFORMED, 0, "port must be 0-65535, count at least 1");
        }
    }

    /**
     * A builder.
     *
     * @param media e.g. {@code audio}
     * @param port the port
     * @param proto e.g. {@code RTP/AVP}
     * @return the builder
     */
    public static Builder builder(String media, int port, String proto) {
        return new Builder(media, port, proto);
    }

    /**
     * The value of the first attribute of that name.
     *
     * @param name the attribute name
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
     * The values of every attribute of that name.
     *
     * @param name the attribute name
     * @return the values
     */
    public List<String> attributes(String name) {
        List<String> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                out.add(a.value().orElse(""));
            }
        }
        return out;
    }

    /**
     * The rtpmap of a payload type ({@code PCMU/8000}), when given.
     *
     * @param payloadType the format
     * @return the encoding name, clock rate and channels as written
     */
    public Optional<String> rtpmap(String payloadType) {
        return formatAttribute("rtpmap", payloadType);
    }

    /**
     * The fmtp of a payload type, when given.
     *
     * @param payloadType the format
     * @return the parameters as written
     */
    public Optional<String> fmtp(String payloadType) {
        return formatAttribute("fmtp", payloadType);
    }

    private Optional<String> formatAttribute(String name, String payloadType) {
        for (String v : attributes(name)) {
            int sp = v.indexOf(' ');
            if (sp > 0 && v.substring(0, sp).equals(payloadType)) {
                return Optional.of(v.substring(sp + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The direction given here, when any. */
    public Optional<Direction> direction() {
        for (Attribute a : attributes) {
            for (Direction d : Direction.values()) {
                if (a.value().isEmpty() && a.name().equals(d.attributeName())) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    /** The lines as written, CRLF after each. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("m=").append(media).append(' ').append(port);
        if (portCount != 1) {
            sb.append('/').append(portCount);
        }
        sb.append(' ').append(proto);
        for (String f : formats) {
            sb.append(' ').append(f);
        }
        sb.append("\r\n");
        information.ifPresent(i -> sb.append("i=").append(i).append("\r\n"));
        connections.forEach(c -> sb.append("c=").append(c).append("\r\n"));
        bandwidths.forEach(b -> sb.append("b=").append(b).append("\r\n"));
        key.ifPresent(k -> sb.append("k=").append(k).append("\r\n"));
        attributes.forEach(a -> sb.append("a=").append(a).append("\r\n"));
        return sb.toString();
    }

    /** Builds a media description. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final String media;
        private final int port;
        private final String proto;
        private int portCount = 1;
        private final List<String> formats = new ArrayList<>();
        private String information;
        private final List<Connection> connections = new ArrayList<>();
        private final List<String> bandwidths = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();

        private Builder(String media, int port, String proto) {
            this.media = media;
            this.port = port;
            this.proto = proto;
        }

        /**
         * Sets the number of ports.
         *
         * @param n the count
         * @return this builder
         */
        public Builder portCount(int n) {
            this.portCount = n;
            return this;
        }

        /**
         * Adds a format.
         *
         * @param format e.g. {@code 0}
         * @return this builder
         */
        public Builder format(String format) {
            formats.add(format);
            return this;
        }

        /**
         * Adds an RTP format with its rtpmap.
         *
         * @param payloadType e.g. {@code 111}
         * @param encoding e.g. {@code opus/48000/2}
         * @return this builder
         */
        public Builder rtpFormat(String payloadType, String encoding) {
            formats.add(payloadType);
            attributes.add(Attribute.of("rtpmap", payloadType + " " + encoding));
            return this;
        }

        /**
         * Sets the information line.
         *
         * @param text the text
         * @return this builder
         */
        public Builder information(String text) {
            this.information = text;
            return this;
        }

        /**
         * Adds a connection.
         *
         * @param c the connection
         * @return this builder
         */
        public Builder connection(Connection c) {
            connections.add(c);
            return this;
        }

        /**
         * Adds a bandwidth line, e.g. {@code AS:64}.
         *
         * @param b the line value
         * @return this builder
         */
        public Builder bandwidth(String b) {
            bandwidths.add(b);
            return this;
        }

        /**
         * Adds an attribute.
         *
         * @param a the attribute
         * @return this builder
         */
        public Builder attribute(Attribute a) {
            attributes.add(a);
            return this;
        }

        /**
         * Adds a direction attribute.
         *
         * @param d the direction
         * @return this builder
         */
        public Builder direction(Direction d) {
            attributes.add(Attribute.flag(d.attributeName()));
            return this;
        }

        /** The media description. */
        public MediaDescription build() {
            return new MediaDescription(
                    media,
                    port,
                    portCount,
                    proto,
                    formats,
                    Optional.ofNullable(information),
                    connections,
                    bandwidths,
                    Optional.empty(),
                    attributes);
        }
    }
}
