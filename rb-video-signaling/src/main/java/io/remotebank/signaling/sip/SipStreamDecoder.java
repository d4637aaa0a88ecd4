package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.remotebank.core.Arguments;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.internal.sip.MessageScanner;
import io.remotebank.signaling.internal.sip.MessageScanner.Frame;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Cuts a byte stream (TCP, TLS) into SIP messages by Content-Length (RFC 3261 18.3) and emits
 * {@link SipMessage}s. CRLF keep-alives between messages (RFC 5626 4.4.1) are skipped; each double-CRLF ping fires {@link KeepAlive#PING}. A malformed
 * message or one over the limits fails the decoder with a {@link SipParseException} (wrapped by
 * Netty in a {@code DecoderException}) and every later byte is discarded: on a stream the framing is
 * lost, so the connection should be closed. One instance per channel.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipStreamDecoder extends ByteToMessageDecoder {

    private final SipParser parser;
    private boolean failed;
    private int crlfRun;
    private Progress progress = Progress.BETWEEN_MESSAGES;

    /**
     * The user event fired (through {@code ChannelHandlerContext#fireUserEventTriggered}) for each
     * double-CRLF keep-alive "ping" between messages (RFC 5626 4.4.1); the server answers it with a
     * single CRLF "pong".
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum KeepAlive {
        /** A CRLFCRLF ping was received. */
        PING
    }

    /**
     * How far the decoder is into the message it holds part of, so that a connection can time out
     * a message that arrives too slowly (a slowloris peer).
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Progress {
        /** Nothing of a message is held (CRLF keep-alives do not count). */
        BETWEEN_MESSAGES,
        /** Part of a message's start line and header fields is held, not yet the empty line. */
        IN_HEADER,
        /** The whole header block is held, and part of the body its Content-Length announced. */
        IN_BODY
    }

    /**
     * A decoder with the given parser's limits.
     *
     * @param parser the parser
     */
    public SipStreamDecoder(SipParser parser) {
        this.parser = Arguments.notNull(parser, "parser");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
            in.skipBytes(1);
            if (++crlfRun == 4) {
                crlfRun = 0;
                ctx.fireUserEventTriggered(KeepAlive.PING);
            }
        }
        int readable = in.readableBytes();
        if (readable > 0) {
            crlfRun = 0;
        }
        if (readable == 0) {
            progress = Progress.BETWEEN_MESSAGES;
            return;
        }
        int max = parser.limits().maxMessageSize();
        int headerEnd = headerBlockEnd(in, Math.min(readable, max));
        if (headerEnd < 0) {
            progress = Progress.IN_HEADER;
            if (readable >= max) {
                fail(
                        in,
                        new SipParseException(
                                SignalingError.SIP_TOO_LARGE,
                                413,
                                "Request Entity Too Large",
                                max,
                                "header block larger than " + max + " bytes"));
            }
            return;
        }
        // Only the header block is copied to learn the Content-Length; the message is copied once
        // it is complete.
        byte[] head = new byte[headerEnd];
        in.getBytes(in.readerIndex(), head);
        Frame f;
        try {
            f = MessageScanner.scanHeaders(head, headerEnd, parser.limits());
        } catch (SipParseException e) {
            fail(in, e);
            return;
        }
        long total = headerEnd + f.contentLength;
        if (total > max) {
            fail(
                    in,
                    new SipParseException(
                            SignalingError.SIP_TOO_LARGE,
                            413,
                            "Request Entity Too Large",
                            headerEnd,
                            "Content-Length " + f.contentLength + " over the limit"));
            return;
        }
        if (readable < total) {
            progress = Progress.IN_BODY;
            return;
        }
        byte[] message = new byte[(int) total];
        in.readBytes(message);
        progress = Progress.BETWEEN_MESSAGES; // the next call, if bytes are left, says otherwise
        try {
            out.add(parser.parseFrame(message));
        } catch (SipParseException e) {
            fail(in, e);
        }
    }

    /**
     * How far the decoder is into a message, as of the bytes it has been given.
     *
     * @return the progress; {@link Progress#BETWEEN_MESSAGES} after a framing error
     */
    public Progress progress() {
        return failed ? Progress.BETWEEN_MESSAGES : progress;
    }

    /** The length of the header block (through the empty line) at the reader index, or -1. */
    private static int headerBlockEnd(ByteBuf in, int limit) {
        int start = in.readerIndex();
        for (int i = 0; i < limit; i++) {
            if (in.getByte(start + i) != '\n') {
                continue;
            }
            if (i + 1 < limit && in.getByte(start + i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < limit && in.getByte(start + i + 1) == '\r' && in.getByte(start + i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private void fail(ByteBuf in, SipParseException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw e;
    }
}
