package com.example.bank;

import io.remotebank.core.SdkModule;
import io.remotebank.core.SdkModules;
import java.util.List;

/** What a bank's application does at start-up: log the SDK modules and refuse mixed releases or a Netty too old. */
public final class StartupCheck {

    private StartupCheck() {}

    // tag::startup-check[]
    public static List<SdkModule> verifiedModules() {
        ClassLoader loader = StartupCheck.class.getClassLoader();
        List<String> problems = SdkModules.problems(loader); // mixed releases, a Netty too old
        if (!problems.isEmpty()) {
            throw new IllegalStateException("RemoteBank SDK cannot start: " + String.join("; ", problems));
        }
        return SdkModules.installed(loader);
    }
    // end::startup-check[]
}
