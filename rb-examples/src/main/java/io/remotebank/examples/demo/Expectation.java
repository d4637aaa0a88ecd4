package io.remotebank.examples.demo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One expectation of a scripted demo, and whether it was met.
 *
 * @param act the act it belongs to (1-based)
 * @param text what the script expects, in words
 * @param passed whether it happened
 * @param observed what was observed instead, for a failed expectation
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Expectation(int act, String text, boolean passed, String observed) {}
