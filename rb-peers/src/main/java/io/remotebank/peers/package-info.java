/**
 * Peers we did not write, scripted for interoperability tests. Every class here runs in a forked JVM
 * of its own (see the module's POM); nothing here is on any test class path.
 */
package io.remotebank.peers;
