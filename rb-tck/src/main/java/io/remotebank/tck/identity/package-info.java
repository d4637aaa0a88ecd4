/**
 * Compatibility kits for rb-identity-verify's SPIs: {@link
 * io.remotebank.tck.identity.DocumentOcrProviderContract}, {@link
 * io.remotebank.tck.identity.LivenessProviderContract}, {@link
 * io.remotebank.tck.identity.FaceMatchProviderContract} and {@link
 * io.remotebank.tck.identity.IdentityRegistryContract}, and {@link
 * io.remotebank.tck.identity.FlowStoreContract} for flow stores. Extend one in your own test sources and
 * return a fresh instance of your implementation.
 */
package io.remotebank.tck.identity;
