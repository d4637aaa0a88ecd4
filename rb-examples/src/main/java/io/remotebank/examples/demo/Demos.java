package io.remotebank.examples.demo;

import java.util.List;

/** The demos built into this release, the main demo first. */
final class Demos {

    private Demos() {}

    static List<Demo> builtIn() {
        return List.of(new BankDayDemo(), new AuditTrailDemo());
    }
}
