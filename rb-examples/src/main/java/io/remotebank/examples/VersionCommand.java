package io.remotebank.examples;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.SdkModule;
import io.remotebank.core.SdkModules;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rb version}: the version of every SDK module present, of Java and of the OS. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        description = {
            "Print the version of every RemoteBank SDK module present, of Java and of the OS.",
            "Exits with 1 when modules of different releases are mixed."
        })
public final class VersionCommand implements Callable<Integer> {

    @Mixin
    private OutputOptions output = new OutputOptions();

    @Spec
    private CommandSpec spec;

    /** For picocli. */
    public VersionCommand() {}

    @Override
    public Integer call() {
        List<SdkModule> modules = SdkModules.installed(VersionCommand.class.getClassLoader());
        boolean mixed = SdkModules.hasMixedVersions(modules);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.document(toJson(modules, mixed)));
        } else {
            printText(out, modules);
        }
        if (mixed) {
            spec.commandLine()
                    .getErr()
                    .println("rb version: modules of different releases are mixed; align them with rb-bom");
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, List<SdkModule> modules) {
        out.println("RemoteBank SDK modules:");
        for (SdkModule module : modules) {
            out.printf("  %-20s %-16s %s%n", module.artifactId(), module.version(), module.moduleName());
        }
        out.printf(
                "Java: %s (%s, %s)%n",
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"));
        out.printf(
                "OS:   %s %s (%s)%n",
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    private static ObjectNode toJson(List<SdkModule> modules, boolean mixed) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("modules");
        for (SdkModule module : modules) {
            list.addObject()
                    .put("artifactId", module.artifactId())
                    .put("module", module.moduleName())
                    .put("version", module.version());
        }
        root.put("mixedVersions", mixed);
        root.putObject("java")
                .put("version", System.getProperty("java.runtime.version", System.getProperty("java.version")))
                .put("vendor", System.getProperty("java.vendor"))
                .put("vm", System.getProperty("java.vm.name"));
        root.putObject("os")
                .put("name", System.getProperty("os.name"))
                .put("version", System.getProperty("os.version"))
                .put("arch", System.getProperty("os.arch"));
        return root;
    }
}
