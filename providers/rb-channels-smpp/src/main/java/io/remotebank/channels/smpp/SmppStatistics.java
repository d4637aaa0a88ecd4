package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Counters of an {@link SmppProvider} since it started.
 *
 * @param submissions submissions handed to the provider
 * @param segmentsSent submit_sm PDUs written, resends included
 * @param acknowledged submissions the SMSC took (every segment answered ESME_ROK)
 * @param failed submissions that ended in a temporary or permanent failure
 * @param resent segments sent again after a lost connection, a throttle or a session error
 * @param throttled ESME_RTHROTTLED and ESME_RMSGQFUL answers
 * @param receipts delivery receipts received
 * @param inbound MO messages received
 * @param binds successful binds
 * @param connectionsLost connections that ended other than by {@code close()}
 * @param readPauses times the client stopped reading because the SMSC did not take what the client
 *     wrote (its answers to deliver_sm and enquire_link among them) fast enough
 * @param overflowCloses connections the client closed because more than the hard limit of bytes
 *     waited to be written
 * @param linkChecks enquire_link probes of a quiet link that the SMSC answered
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SmppStatistics(
        long submissions,
        long segmentsSent,
        long acknowledged,
        long failed,
        long resent,
        long throttled,
        long receipts,
        long inbound,
        long binds,
        long connectionsLost,
        long readPauses,
        long overflowCloses,
        long linkChecks) {}
