/**
 * Compatibility kits for rb-core's SPIs: {@link io.remotebank.tck.core.KeyProviderContract} and
 * {@link io.remotebank.tck.core.ConsentRegistryContract}. Extend one in your own test sources and
 * return a fresh instance of your implementation.
 */
package io.remotebank.tck.core;
