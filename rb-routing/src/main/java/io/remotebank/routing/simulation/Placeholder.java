package io.remotebank.routing.simulation;

final class Placeholder {
    private Placeholder() {}
}
