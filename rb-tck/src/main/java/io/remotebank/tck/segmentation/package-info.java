/**
 * Compatibility kit of rb-segmentation's contact gate: {@link
 * io.remotebank.tck.segmentation.ContactGateContract}.
 */
package io.remotebank.tck.segmentation;
