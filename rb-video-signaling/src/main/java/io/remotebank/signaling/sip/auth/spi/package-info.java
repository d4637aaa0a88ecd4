/**
 * The service-provider interface of digest authentication: {@link
 * io.remotebank.signaling.sip.auth.spi.CredentialStore}, which holds HA1 hashes only.
 */
package io.remotebank.signaling.sip.auth.spi;
