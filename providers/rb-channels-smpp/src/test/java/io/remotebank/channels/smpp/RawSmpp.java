package io.remotebank.channels.smpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.PduCodec;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * SMPP on a blocking {@link SocketChannel}, without Netty's pipeline: for the hostile peers of the
 * flood tests, which must be free to write without reading (what no well-behaved peer does).
 */
final class RawSmpp {

    private RawSmpp() {}

    /** The octets of a PDU. */
    static byte[] encode(Pdu pdu) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            PduCodec.encode(pdu, buf);
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    /** {@code copies} copies of one PDU back to back: one write of a flood. */
    static byte[] repeat(byte[] pdu, int copies) {
        byte[] out = new byte[pdu.length * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(pdu, 0, out, i * pdu.length, pdu.length);
        }
        return out;
    }

    /** Writes every octet (the channel in blocking mode). */
    static void write(SocketChannel ch, byte[] octets) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(octets);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Reads one whole PDU's octets (the channel in blocking mode). */
    static byte[] readPdu(SocketChannel ch) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(ch, length);
        int n = length.getInt(0);
        if (n < PduCodec.HEADER_LENGTH || n > 1 << 20) {
            throw new IOException("command_length " + n);
        }
        ByteBuffer pdu = ByteBuffer.allocate(n);
        pdu.putInt(n);
        readFully(ch, pdu);
        return pdu.array();
    }

    /** Decodes a PDU read by {@link #readPdu}. */
    static Pdu decode(byte[] octets) {
        ByteBuf buf = Unpooled.wrappedBuffer(octets);
        try {
            return PduCodec.decode(buf);
        } finally {
            buf.release();
        }
    }

    /** The command_id of a PDU's octets. */
    static int commandId(byte[] octets) {
        return ByteBuffer.wrap(octets).getInt(4);
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("the peer closed the connection");
            }
        }
    }
}
