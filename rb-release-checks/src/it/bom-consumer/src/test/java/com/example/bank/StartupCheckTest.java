package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.remotebank.core.SdkModule;
import org.junit.jupiter.api.Test;

class StartupCheckTest {

    @Test
    void rbCoreIsPresentAtTheBomVersion() {
        SdkModule core = StartupCheck.verifiedModules().stream()
                .filter(m -> m.artifactId().equals("rb-core"))
                .findFirst()
                .orElseThrow();

        assertEquals("rb-core", core.artifactId());
        assertEquals("io.remotebank.core", core.moduleName());
        assertEquals(System.getProperty("expected.version"), core.version());
    }
}
