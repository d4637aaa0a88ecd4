package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What kind of thing a customer sent: a message, or an event of the channel (WeChat's 事件推送). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum InboundKind {
    /** A text: an MO SMS, a WeChat text message. Opt-out keywords are matched against it. */
    TEXT,
    /** A picture; the attributes carry the provider's media id and URL. */
    IMAGE,
    /** A voice message; the text is the channel's speech recognition, when it gave one. */
    VOICE,
    /** The customer followed the account (or scanned its code while not following). */
    SUBSCRIBE,
    /**
     * The customer stopped following the account: withdraws the channel's consent purpose like an
     * opt-out keyword, and reaches no inbound listener.
     */
    UNSUBSCRIBE,
    /** The channel reports how a template message it was given ended (WeChat's TEMPLATESENDJOBFINISH). */
    TEMPLATE_SEND_FINISHED,
    /** The customer tapped a menu item. */
    MENU_CLICK,
    /** A follower scanned a parameterised QR code. */
    SCAN,
    /** The customer's location, reported by the channel or sent by the customer. */
    LOCATION,
    /** Anything else the provider passes on; the attributes say what. */
    OTHER
}
