package io.remotebank.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs sipp (Debian {@code sip-tester}) on fresh loopback ports.
 *
 * <p>sipp binds its SIP port ({@code -p}), its audio RTP port ({@code -mp}) and the video RTP port
 * two above it, and exits with code 254 ("Unable to bind ... errno = 98") when any of them is taken.
 * A port found free here can still be taken by another process before sipp binds it, so a run that
 * ends that way is started again on new ports, at most three times; any other outcome is the
 * verdict.
 */
public final class Sipp {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int ATTEMPTS = 3;
    private static final int VIDEO_OFFSET = 2;
    private static final String PORT_TAKEN = "errno = 98";

    private Sipp() {}

    /**
     * The loopback ports given to one sipp run.
     *
     * @param sip the SIP port, for {@code -p}
     * @param media the audio RTP port, for {@code -mp}; {@code media + 2} was free as well
     */
    public record Ports(int sip, int media) {}

    /**
     * sipp's arguments: bound to loopback on the given ports ({@code -i 127.0.0.1 -p ... -mp ...}),
     * then the rest.
     *
     * @param ports the ports
     * @param rest the scenario, transport, call counts, target...
     * @return the arguments
     */
    public static List<String> args(Ports ports, String... rest) {
        List<String> args = new ArrayList<>(6 + rest.length);
        args.addAll(List.of(
                "-i", "127.0.0.1", "-p", Integer.toString(ports.sip()), "-mp", Integer.toString(ports.media())));
        args.addAll(List.of(rest));
        return args;
    }

    /** A sipp started in the background whose ports are bound. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Ports ports;
        private final Path log;

        private Running(Process process, Ports ports, Path log) {
            this.process = process;
            this.ports = ports;
            this.log = log;
        }

        /** @return the sipp process */
        public Process process() {
            return process;
        }

        /** @return the ports it bound */
        public Ports ports() {
            return ports;
        }

        /**
         * @return the last 4,000 characters of its output, for assertion messages
         * @throws IOException when the log cannot be read
         */
        public String outputTail() throws IOException {
            return PeerProcess.tail(log);
        }

        /** Kills sipp if it still runs. */
        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /**
     * Runs sipp to its end.
     *
     * @param dir the working directory; the output goes to {@code sipp.out} in it
     * @param timeout how long one run may take
     * @param arguments sipp's arguments for the given ports
     * @return how the last run ended
     * @throws IOException when sipp cannot be started or its output read
     * @throws InterruptedException when the test is interrupted while waiting
     */
    public static PeerProcess.Result run(Path dir, Duration timeout, Function<Ports, List<String>> arguments)
            throws IOException, InterruptedException {
        return run(dir, timeout, Sipp::freePorts, arguments);
    }

    /** Where a run's ports come from; tests give taken ones first. */
    interface PortSource {
        Ports next() throws IOException;
    }

    static PeerProcess.Result run(
            Path dir, Duration timeout, PortSource portSource, Function<Ports, List<String>> arguments)
            throws IOException, InterruptedException {
        Path sipp = program();
        PeerProcess.Result result = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            result = PeerProcess.run(command(sipp, arguments.apply(portSource.next())), dir, timeout);
            if (!(result.ended()
                    && result.exitCode() != 0
                    && result.outputTail().contains(PORT_TAKEN))) {
                return result;
            }
        }
        return result;
    }

    /**
     * Starts sipp in the background and waits (at most 10 s per attempt) until it has bound its
     * three ports.
     *
     * @param dir the working directory; the output goes to {@code sipp.out} in it
     * @param arguments sipp's arguments for the given ports
     * @return the running sipp
     * @throws IOException when sipp cannot be started, ends before binding for another reason than a
     *     taken port, or does not bind in time; the message carries its output
     * @throws InterruptedException when the test is interrupted while waiting
     */
    public static Running start(Path dir, Function<Ports, List<String>> arguments)
            throws IOException, InterruptedException {
        return start(dir, Sipp::freePorts, arguments);
    }

    static Running start(Path dir, PortSource portSource, Function<Ports, List<String>> arguments)
            throws IOException, InterruptedException {
        Path sipp = program();
        String failure = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Ports ports = portSource.next();
            List<String> command = command(sipp, arguments.apply(ports));
            Path log = PeerProcess.log(command, dir);
            Process p = PeerProcess.start(command, dir);
            if (awaitBound(p, ports)) {
                return new Running(p, ports, log);
            }
            p.destroyForcibly().waitFor();
            failure = PeerProcess.tail(log);
            if (!failure.contains(PORT_TAKEN)) {
                break;
            }
        }
        throw new IOException("sipp did not start; its output:\n" + failure);
    }

    /**
     * Finds a free SIP port and a free audio port whose video port (two above) is free too; all are
     * held until the choice is made.
     *
     * @return the ports
     * @throws IOException when no such ports are found
     */
    public static Ports freePorts() throws IOException {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            int sip = bind(0, held);
            for (int i = 0; i < 100; i++) {
                int media = bind(0, held);
                if (media + VIDEO_OFFSET <= 0xFFFF && bind(media + VIDEO_OFFSET, held) > 0) {
                    return new Ports(sip, media);
                }
            }
            throw new IOException("no free loopback UDP port with a free port two above it");
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    private static int bind(int port, List<DatagramSocket> held) throws SocketException {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
            held.add(s);
            return s.getLocalPort();
        } catch (SocketException e) {
            if (port == 0) {
                throw e;
            }
            return -1;
        }
    }

    private static Path program() {
        return PeerPolicy.fromEnvironment().requireCommand("sipp", "sip-tester");
    }

    private static List<String> command(Path sipp, List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(sipp.toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * Polls the kernel's socket tables (probing a port by binding it could take it from sipp) until
     * the three ports are bound; the SIP port is a TCP one under {@code -t t1}.
     */
    private static boolean awaitBound(Process sipp, Ports ports) throws IOException, InterruptedException {
        List<Path> tables = List.of("udp", "udp6", "tcp", "tcp6").stream()
                .map(name -> Path.of("/proc/net", name))
                .filter(Files::isReadable)
                .toList();
        if (tables.isEmpty()) {
            Thread.sleep(500); // no socket table to read (not Linux): give sipp time to bind
            return sipp.isAlive();
        }
        for (int i = 0; i < 1_000; i++) {
            if (!sipp.isAlive()) {
                return false;
            }
            StringBuilder bound = new StringBuilder();
            for (Path table : tables) {
                bound.append(Files.readString(table));
            }
            String text = bound.toString();
            if (listed(text, ports.sip())
                    && listed(text, ports.media())
                    && listed(text, ports.media() + VIDEO_OFFSET)) {
                return true;
            }
            Thread.sleep(10); // polling an external process: nothing to wait on
        }
        return false;
    }

    private static boolean listed(String table, int port) {
        return table.contains(String.format(Locale.ROOT, ":%04X ", port));
    }
}
