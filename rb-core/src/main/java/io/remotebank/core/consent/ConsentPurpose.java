package io.remotebank.core.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.ConsentException;
import io.remotebank.core.CoreError;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a customer consents to: a dotted lower-case code, e.g. {@code marketing.sms}. A bank may
 * define its own purposes; the constants are those the SDK's modules check.
 *
 * @param code the purpose, 3-64 characters: lower-case words of a-z 0-9 and hyphens, joined by dots
 */
@API(status = STABLE, since = "0.1")
public record ConsentPurpose(String code) {

    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");

    /** Marketing messages by SMS. */
    public static final ConsentPurpose MARKETING_SMS = new ConsentPurpose("marketing.sms");
    /** Marketing messages through WeChat, mini-programs and WeCom. */
    public static final ConsentPurpose MARKETING_WECHAT = new ConsentPurpose("marketing.wechat");
    /** Marketing calls (outbound voice). */
    public static final ConsentPurpose MARKETING_VOICE = new ConsentPurpose("marketing.voice");
    /** Marketing e-mail. */
    public static final ConsentPurpose MARKETING_EMAIL = new ConsentPurpose("marketing.email");
    /** Processing of face images and templates (liveness, face match): sensitive personal data under PIPL. */
    public static final ConsentPurpose FACE_BIOMETRICS = new ConsentPurpose("biometrics.face");
    /** Audio-and-video recording of a regulated sale (双录). */
    public static final ConsentPurpose SALES_RECORDING = new ConsentPurpose("recording.sales");
    /** Sharing personal data with a third party (e.g. an authoritative registry or a partner). */
    public static final ConsentPurpose THIRD_PARTY_SHARING = new ConsentPurpose("sharing.third-party");

    /**
     * Validates the code.
     *
     * @throws ConsentException with {@link CoreError#CONSENT_INVALID}
     */
    public ConsentPurpose {
        Arguments.notNull(code, "consent purpose");
        if (code.length() < 3 || code.length() > 64 || !SYNTAX.matcher(code).matches()) {
            throw new ConsentException(
                    CoreError.CONSENT_INVALID,
                    "consent purpose must be 3-64 characters of dotted lower-case words (e.g. marketing.sms), got '"
                            + code + "'");
        }
    }

    /**
     * A purpose by its code.
     *
     * @param code e.g. {@code marketing.sms}
     * @return the purpose
     */
    public static ConsentPurpose of(String code) {
        return new ConsentPurpose(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
