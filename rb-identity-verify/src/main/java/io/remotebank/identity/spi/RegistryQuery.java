package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.PhoneNumber;
import io.remotebank.core.pii.Sensitive;
import org.apiguardian.api.API;

/**
 * A question to an authoritative registry (the public-security citizen registry behind NCIIC, a
 * card network's account check). Every element is personal data and is {@link Sensitive}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface RegistryQuery permits RegistryQuery.NameAndId, RegistryQuery.BankCard {

    /** The kinds of query, so that a registry can say which it answers. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Kind {
        /** Name and identity number (二要素). */
        NAME_AND_ID,
        /** Name, identity number, bank card number and the card's reserved phone (四要素). */
        BANK_CARD
    }

    /** The business it belongs to. */
    CorrelationId correlation();

    /** Its kind. */
    Kind kind();

    /**
     * Do this name and identity number belong together?
     *
     * @param correlation the business
     * @param name the name as the customer gave it
     * @param idNumber the identity number
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record NameAndId(CorrelationId correlation, Sensitive<String> name, Sensitive<String> idNumber)
            implements RegistryQuery {
        /** Validates the query. */
        public NameAndId {
            Arguments.notNull(correlation, "correlation");
            Arguments.notNull(name, "name");
            Arguments.notNull(idNumber, "idNumber");
        }

        @Override
        public Kind kind() {
            return Kind.NAME_AND_ID;
        }
    }

    /**
     * Do name, identity number, card number and reserved phone belong together?
     *
     * @param correlation the business
     * @param name the name
     * @param idNumber the identity number
     * @param cardNumber the bank card number
     * @param phone the phone number the card's bank holds
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record BankCard(
            CorrelationId correlation,
            Sensitive<String> name,
            Sensitive<String> idNumber,
            Sensitive<String> cardNumber,
            PhoneNumber phone)
            implements RegistryQuery {
        /** Validates the query. */
        public BankCard {
            Arguments.notNull(correlation, "correlation");
            Arguments.notNull(name, "name");
            Arguments.notNull(idNumber, "idNumber");
            Arguments.notNull(cardNumber, "cardNumber");
            Arguments.notNull(phone, "phone");
        }

        @Override
        public Kind kind() {
            return Kind.BANK_CARD;
        }
    }
}
