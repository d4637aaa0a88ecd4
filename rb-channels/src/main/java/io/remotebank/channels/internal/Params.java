package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.ChannelsException;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Template parameters as one text column: {@code name=value} pairs joined by {@code &}, with {@code
 * \}, {@code =} and {@code &} escaped by a backslash. Sorted by name, so equal maps encode equally.
 */
@API(status = INTERNAL, since = "0.1")
public final class Params {

    private Params() {}

    /**
     * Encodes parameters.
     *
     * @param params the parameters
     * @return the text
     */
    public static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            escape(e.getKey(), out);
            out.append('=');
            escape(e.getValue(), out);
        }
        return out.toString();
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @param text the text
     * @return the parameters
     * @throws ChannelsException with {@link ChannelsError#STORE_FAILED} for text it did not write
     */
    public static Map<String, String> decode(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text.isEmpty()) {
            return out;
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder current = key;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw corrupt();
                }
                current.append(text.charAt(i));
            } else if (c == '=' && current == key) {
                current = value;
            } else if (c == '&') {
                if (current != value) {
                    throw corrupt();
                }
                out.put(key.toString(), value.toString());
                key.setLength(0);
                value.setLength(0);
                current = key;
            } else if (c == '=') {
                throw corrupt();
            } else {
                current.append(c);
            }
        }
        if (current != value) {
            throw corrupt();
        }
        out.put(key.toString(), value.toString());
        return out;
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '=' || c == '&') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static ChannelsException corrupt() {
        return new ChannelsException(ChannelsError.STORE_FAILED, "stored template parameters are malformed");
    }
}
