package com.example.bank;

import io.remotebank.core.SdkModule;
import io.remotebank.core.SdkModules;
import java.util.List;

/** What a bank's application does at start-up: log the SDK modules and refuse mixed releases. */
public final class StartupCheck {

    private StartupCheck() {}

    // tag::startup-check[]
    public static List<SdkModule> verifiedModules() {
        List<SdkModule> modules = SdkModules.installed(StartupCheck.class.getClassLoader());
        if (SdkModules.hasMixedVersions(modules)) {
            throw new IllegalStateException("RemoteBank SDK modules of different releases: " + modules);
        }
        return modules;
    }
    // end::startup-check[]
}
