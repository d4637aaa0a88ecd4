package io.remotebank.channels.cmpp.pdu;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Writes test vectors field by field, as the standard's tables list them. */
final class Hex {

    private Hex() {}

    /** Joins hex fields, ignoring spaces. */
    static byte[] bytes(String... fields) {
        return HexFormat.of().parseHex(String.join("", fields).replace(" ", ""));
    }

    /** An Octet String field: the ASCII text, then zero bytes up to the width. */
    static String octets(String text, int width) {
        byte[] field = new byte[width];
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, field, 0, ascii.length);
        return HexFormat.of().formatHex(field);
    }

    /** {@code n} zero bytes. */
    static String zeros(int n) {
        return "00".repeat(n);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
