package io.remotebank.examples.demo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rb demo [NAME]}: runs the main demo (the first listed), a named one, or lists them with
 * {@code --list}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the RemoteBank demos: the modules wired together as a bank would wire them.",
            "Without NAME, runs the main demo; --list shows which demos exist."
        })
public final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The demo to run.")
    private String name;

    @Option(names = "--list", description = "List the demos of this build and exit.")
    private boolean list;

    @Mixin
    private OutputOptions output = new OutputOptions();

    @Spec
    private CommandSpec spec;

    private final Map<String, Demo> demos = new LinkedHashMap<>();

    /** The demos built into this release. */
    public DemoCommand() {
        this(Demos.builtIn());
    }

    /**
     * A command over given demos (for tests, and for an application that adds its own).
     *
     * @param demos the demos, the main one first
     */
    public DemoCommand(List<Demo> demos) {
        for (Demo demo : demos) {
            if (this.demos.putIfAbsent(demo.name(), demo) != null) {
                throw new IllegalArgumentException("two demos are named " + demo.name());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list || (name == null && demos.isEmpty())) {
            printList(out);
            return ExitCodes.OK;
        }
        Demo demo = (name == null ? demos.values().stream().findFirst() : Optional.ofNullable(demos.get(name)))
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "no demo named '" + name + "'; demos: " + String.join(", ", demos.keySet())));
        return demo.run(out, spec.commandLine().getErr(), output);
    }

    private void printList(PrintWriter out) {
        if (output.json()) {
            ObjectNode root = Json.object();
            ArrayNode array = root.putArray("demos");
            demos.values().forEach(d -> array.addObject().put("name", d.name()).put("summary", d.summary()));
            out.println(Json.document(root));
            return;
        }
        if (demos.isEmpty()) {
            out.println("No demo is available in this build yet.");
            out.println("The main demo, a scripted day in a small remote bank, arrives once the feature");
            out.println("modules it wires together have landed; `rb --help` lists the tools available now.");
            return;
        }
        out.println("Demos (`rb demo NAME`; without NAME the first one runs):");
        demos.values().forEach(d -> out.printf("  %-20s %s%n", d.name(), d.summary()));
    }
}
