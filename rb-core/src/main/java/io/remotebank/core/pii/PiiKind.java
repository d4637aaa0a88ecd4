package io.remotebank.core.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/** A kind of personal data, each with its masking rule (see {@link Mask}). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum PiiKind {
    /** A phone number: a mainland mobile or landline number, or any international number. */
    PHONE(Mask::phone),
    /**
     * An identity document number: a CN resident identity number (居民身份证号码, 18 or 15 characters), a
     * Hong Kong identity card number, a passport or travel permit number.
     */
    ID_NUMBER(Mask::idNumber),
    /** A bank card number (PAN). */
    CARD_NUMBER(Mask::cardNumber),
    /** A person's name, in Chinese characters or Latin letters. */
    NAME(Mask::name),
    /** An e-mail address. */
    EMAIL(Mask::email),
    /** Any other personal data: nothing of it is shown, not even its length. */
    OTHER(value -> Mask.FULLY_MASKED);

    private final UnaryOperator<String> mask;

    PiiKind(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    /**
     * Masks a value of this kind.
     *
     * @param value the value (null gives {@code "null"})
     * @return the masked form, safe for logs and screens
     */
    public String mask(String value) {
        return value == null ? "null" : mask.apply(value);
    }
}
