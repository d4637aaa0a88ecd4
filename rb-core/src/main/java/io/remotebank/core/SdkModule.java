package io.remotebank.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One RemoteBank SDK artifact found at run time.
 *
 * @param artifactId the Maven artifact id, e.g. {@code rb-core}
 * @param moduleName the JPMS module name, e.g. {@code io.remotebank.core}
 * @param version the artifact's version, e.g. {@code 0.1.0}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SdkModule(String artifactId, String moduleName, String version) {

    private static final Pattern ARTIFACT_ID = Pattern.compile("rb-[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MODULE_NAME = Pattern.compile("io\\.remotebank(\\.[a-z][a-z0-9]*)+");

    /** Validates the three fields. */
    public SdkModule {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(moduleName, "moduleName");
        Objects.requireNonNull(version, "version");
        if (!ARTIFACT_ID.matcher(artifactId).matches()) {
            throw new IllegalArgumentException("artifactId must look like rb-name, got '" + artifactId + "'");
        }
        if (!MODULE_NAME.matcher(moduleName).matches()) {
            throw new IllegalArgumentException(
                    "moduleName must be io.remotebank.<name>, got '" + moduleName + "' for " + artifactId);
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("version of " + artifactId + " is blank");
        }
    }
}
