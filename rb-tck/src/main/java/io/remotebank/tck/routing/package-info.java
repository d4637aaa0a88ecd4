/**
 * Compatibility kit for rb-routing's SPI: {@link io.remotebank.tck.routing.AgentSelectorContract}.
 * Extend it in your own test sources and return your selector.
 */
package io.remotebank.tck.routing;
