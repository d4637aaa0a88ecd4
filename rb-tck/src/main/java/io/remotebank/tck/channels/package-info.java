/**
 * Compatibility kits of rb-channels' SPIs: {@link io.remotebank.tck.channels.OutboxStoreContract},
 * {@link io.remotebank.tck.channels.ChannelProviderContract} and {@link
 * io.remotebank.tck.channels.AddressResolverContract}.
 */
package io.remotebank.tck.channels;
