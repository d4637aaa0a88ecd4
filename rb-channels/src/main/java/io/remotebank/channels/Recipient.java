package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.ValidationException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Who a message is for: an address, the customer, or both. A recipient given only as a customer
 * and a channel gets its address from the {@link io.remotebank.channels.spi.AddressResolver} when
 * the message is sent. The customer is what consent and frequency caps are checked against.
 *
 * @param channel the channel the message goes through
 * @param address the address on that channel, if known
 * @param customer the customer, if known
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Recipient(ContactChannel channel, Optional<Address> address, Optional<CustomerId> customer) {

    /** The channels a message can be sent through. */
    public static final Set<ContactChannel> MESSAGING_CHANNELS = Set.copyOf(
            EnumSet.of(ContactChannel.SMS, ContactChannel.WECHAT, ContactChannel.MINI_PROGRAM, ContactChannel.WECOM));

    /**
     * Validates the recipient.
     *
     * @throws ValidationException with {@link ChannelsError#ADDRESS_INVALID} when neither an address
     *     nor a customer is given, the channel is not a messaging channel, or the address belongs to
     *     another channel
     */
    public Recipient {
        Arguments.notNull(channel, "channel");
        Arguments.notNull(address, "address");
        Arguments.notNull(customer, "customer");
        if (!MESSAGING_CHANNELS.contains(channel)) {
            throw new ValidationException(
                    ChannelsError.ADDRESS_INVALID,
                    "messages go by sms, wechat, mini-program or wecom, not " + channel.code());
        }
        if (address.isEmpty() && customer.isEmpty()) {
            throw new ValidationException(ChannelsError.ADDRESS_INVALID, "a recipient needs an address or a customer");
        }
        if (address.isPresent() && address.get().channel() != channel) {
            throw new ValidationException(
                    ChannelsError.ADDRESS_INVALID,
                    "a " + address.get().channel().code() + " address cannot receive a " + channel.code() + " message");
        }
    }

    /**
     * An address whose customer is not known. Consent cannot be checked for it, so a marketing
     * message to it is suppressed.
     *
     * @param address the address
     * @return the recipient
     */
    public static Recipient of(Address address) {
        Arguments.notNull(address, "address");
        return new Recipient(address.channel(), Optional.of(address), Optional.empty());
    }

    /**
     * A customer at a known address.
     *
     * @param address the address
     * @param customer the customer
     * @return the recipient
     */
    public static Recipient of(Address address, CustomerId customer) {
        Arguments.notNull(address, "address");
        return new Recipient(
                address.channel(), Optional.of(address), Optional.of(Arguments.notNull(customer, "customer")));
    }

    /**
     * A customer on a channel, the address to be resolved when the message is sent.
     *
     * @param customer the customer
     * @param channel the channel
     * @return the recipient
     */
    public static Recipient customer(CustomerId customer, ContactChannel channel) {
        return new Recipient(channel, Optional.empty(), Optional.of(Arguments.notNull(customer, "customer")));
    }

    /**
     * This recipient with a resolved address.
     *
     * @param resolved the address, on the same channel
     * @return the recipient
     */
    public Recipient withAddress(Address resolved) {
        return new Recipient(channel, Optional.of(Arguments.notNull(resolved, "address")), customer);
    }

    /**
     * What frequency caps count against: the customer when known (across channels), else the
     * address.
     *
     * @return {@code customer:ID} or the address key
     */
    public String capKey() {
        return customer.map(c -> "customer:" + c.value())
                .orElseGet(() -> address.orElseThrow().key());
    }

    @Override
    public String toString() {
        return channel.code() + " " + address.map(Object::toString).orElse("(to resolve)")
                + customer.map(c -> " customer " + c).orElse("");
    }
}
