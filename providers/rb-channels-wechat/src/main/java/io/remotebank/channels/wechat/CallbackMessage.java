package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message or event the endpoint accepted, as WeChat sent it: the fields of the (decrypted) body by
 * name ({@code ToUserName}, {@code FromUserName}, {@code MsgType}, {@code Content}, {@code Event},
 * ...). A nested field is named by its path ({@code ScanCodeInfo/ScanResult}). {@code toString} masks
 * the sender's open id and shows no content.
 *
 * @param fields the fields
 * @param encrypted whether it came encrypted (its reply is then encrypted too)
 * @param format the body's format
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CallbackMessage(Map<String, String> fields, boolean encrypted, BodyFormat format) {

    /** Validates the message and copies the fields. */
    public CallbackMessage {
        fields = Map.copyOf(Arguments.notNull(fields, "fields"));
        Arguments.notNull(format, "format");
    }

    /**
     * A field.
     *
     * @param name its name, e.g. {@code Content}
     * @return its value, or empty
     */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** {@code MsgType}: {@code text}, {@code image}, {@code voice}, {@code event}, ... (empty string if absent). */
    public String msgType() {
        return fields.getOrDefault("MsgType", "");
    }

    /** {@code FromUserName}: the sender's open id (personal data: not for logs). */
    public String fromUser() {
        return fields.getOrDefault("FromUserName", "");
    }

    /** {@code ToUserName}: the account's original id, the mini-program's or the corp's id. */
    public String toUser() {
        return fields.getOrDefault("ToUserName", "");
    }

    @Override
    public String toString() {
        String from = fromUser();
        String masked = from.length() <= 4 ? "****" : from.substring(0, 4) + "****";
        return "CallbackMessage[" + msgType() + field("Event").map(e -> "/" + e).orElse("") + " from " + masked
                + (encrypted ? ", encrypted" : "") + ", " + fields.size() + " fields]";
    }
}
