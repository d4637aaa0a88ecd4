/**
 * Scripted SMPP 3.4 servers ({@link io.remotebank.peers.smpp.CloudhopperSmsc}, {@link
 * io.remotebank.peers.smpp.JsmppSmsc}) and clients ({@link io.remotebank.peers.smpp.CloudhopperEsme},
 * {@link io.remotebank.peers.smpp.JsmppEsme}) built on cloudhopper's and jSMPP's own classes.
 *
 * <p>They talk to the test that forked them in lines of text ({@link io.remotebank.peers.smpp.Script}):
 * events on standard output, commands on standard input; an end of standard input (the test's JVM is
 * gone) ends the peer.
 */
package io.remotebank.peers.smpp;
