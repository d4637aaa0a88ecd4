/**
 * The service-provider interface of the registrar: {@link
 * io.remotebank.signaling.sip.registrar.spi.LocationService}, where bindings live.
 */
package io.remotebank.signaling.sip.registrar.spi;
