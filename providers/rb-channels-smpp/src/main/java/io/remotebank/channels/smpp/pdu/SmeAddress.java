package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import org.apiguardian.api.API;

/**
 * An SME address: type of number, numbering plan indicator and the address (SMPP v3.4 section
 * 5.2.5-5.2.8). {@code toString} masks the address.
 *
 * @param ton the type of number (0 unknown, 1 international, 2 national, 5 alphanumeric...)
 * @param npi the numbering plan indicator (0 unknown, 1 ISDN E.163/E.164...)
 * @param address the address digits or alphanumeric sender, possibly empty
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SmeAddress(int ton, int npi, String address) {

    /** An empty address (TON 0, NPI 0, no digits). */
    public static final SmeAddress EMPTY = new SmeAddress(0, 0, "");

    /** Validates the address. */
    public SmeAddress {
        Arguments.inRange(ton, 0, 255, "ton");
        Arguments.inRange(npi, 0, 255, "npi");
        Arguments.notNull(address, "address");
    }

    /**
     * An international E.164 number (TON 1, NPI 1), without the plus sign.
     *
     * @param digits the digits, e.g. {@code 8613812345678}
     * @return the address
     */
    public static SmeAddress international(String digits) {
        return new SmeAddress(1, 1, digits.startsWith("+") ? digits.substring(1) : digits);
    }

    @Override
    public String toString() {
        return "SmeAddress[" + ton + "/" + npi + " " + Mask.phone(address) + "]";
    }
}
