package io.remotebank.channels.smpp.pdu;

import java.util.List;

/**
 * The fields that submit_sm, deliver_sm (SMPP 3.4 4.4.1, 4.6.1) and submit_multi (4.5.1) share after
 * their addresses, in the order they are written, so that the codec writes them in one place.
 */
interface MessageFields {

    int esmClass();

    int protocolId();

    int priorityFlag();

    String scheduleDeliveryTime();

    String validityPeriod();

    int registeredDelivery();

    int replaceIfPresent();

    int dataCoding();

    int smDefaultMsgId();

    byte[] shortMessage();

    List<Tlv> tlvs();
}
