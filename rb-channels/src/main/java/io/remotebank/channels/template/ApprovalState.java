package io.remotebank.channels.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a template stands in the bank's (and the carriers') approval process. Only an {@link
 * #APPROVED} template may carry a marketing message.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ApprovalState {
    /** Being written. */
    DRAFT,
    /** Submitted for approval (to compliance, to the SMS provider or to WeChat). */
    PENDING,
    /** Approved: may be used for every category. */
    APPROVED,
    /** Refused, or approval withdrawn. */
    REJECTED
}
