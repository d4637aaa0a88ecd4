/**
 * Compatibility kits for rb-core's SPIs: {@link io.remotebank.tck.core.KeyProviderContract},
 * {@link io.remotebank.tck.core.ConsentRegistryContract}, {@link
 * io.remotebank.tck.core.AuditStoreContract} and {@link
 * io.remotebank.tck.core.CheckpointWitnessContract}. Extend one in your own test sources and return
 * a fresh instance of your implementation.
 */
package io.remotebank.tck.core;
