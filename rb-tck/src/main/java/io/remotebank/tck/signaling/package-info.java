/**
 * Compatibility kits of rb-video-signaling's SPIs: {@link
 * io.remotebank.tck.signaling.LocationServiceContract} (the registrar's bindings) and {@link
 * io.remotebank.tck.signaling.CredentialStoreContract} (digest HA1 hashes).
 */
package io.remotebank.tck.signaling;
