package io.remotebank.core.audit;

import io.remotebank.core.crypto.CryptoSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The four forgeries of a directory trail that a careful forger who knows the file format can make
 * without the signing key: each keeps every CRC and the whole hash chain valid. A single-segment
 * trail whose last checkpoint covers every record is assumed.
 */
enum TrailForgery {
    /** (a) Delete checkpoints.log, edit record 0 and re-chain every record after it. */
    NO_CHECKPOINTS_RECHAINED("a: checkpoints deleted, record 0 edited, chain rewritten") {
        @Override
        void apply(Path dir, CryptoSuite suite) throws IOException {
            Files.delete(dir.resolve("checkpoints.log"));
            List<String> lines = records(dir);
            lines.set(0, reframe(edit(body(lines.get(0)))));
            rechain(lines, 1, suite);
            writeRecords(dir, lines);
        }
    },
    /** (b) Drop the last checkpoint, edit a record after the one before it and re-chain. */
    LAST_CHECKPOINT_DROPPED_TAIL_EDITED("b: last checkpoint dropped, a record after the one before it edited") {
        @Override
        void apply(Path dir, CryptoSuite suite) throws IOException {
            List<String> checkpoints = checkpointLines(dir);
            long before = checkpointSize(checkpoints.get(checkpoints.size() - 2));
            writeCheckpoints(dir, checkpoints.subList(0, checkpoints.size() - 1));
            List<String> lines = records(dir);
            int edited = (int) before; // the first record the remaining checkpoints do not cover
            lines.set(edited, reframe(edit(body(lines.get(edited)))));
            rechain(lines, edited + 1, suite);
            writeRecords(dir, lines);
        }
    },
    /** (c) Roll back: remove the last checkpoint and the records only it covers. */
    ROLLED_BACK("c: last checkpoint and its records rolled back") {
        @Override
        void apply(Path dir, CryptoSuite suite) throws IOException {
            List<String> checkpoints = checkpointLines(dir);
            long before = checkpointSize(checkpoints.get(checkpoints.size() - 2));
            writeCheckpoints(dir, checkpoints.subList(0, checkpoints.size() - 1));
            writeRecords(dir, records(dir).subList(0, (int) before));
        }
    },
    /** (d) Append one more record, correctly numbered and chained. */
    RECORD_APPENDED("d: a correctly chained record appended") {
        @Override
        void apply(Path dir, CryptoSuite suite) throws IOException {
            List<String> lines = new ArrayList<>(records(dir));
            String last = body(lines.get(lines.size() - 1));
            String forged = last.replaceFirst("\\{\"seq\":\\d+", "{\"seq\":" + lines.size());
            lines.add(reframe(forged));
            rechain(lines, lines.size() - 1, suite);
            writeRecords(dir, lines);
        }
    };

    private static final Pattern PREV = Pattern.compile("\"prev\":\"[0-9a-f]{64}\"");
    private static final Pattern SIZE = Pattern.compile("\"size\":(\\d+)");

    private final String description;

    TrailForgery(String description) {
        this.description = description;
    }

    /** Forges the trail in {@code dir}, as its writer's disk would hold it afterwards. */
    abstract void apply(Path dir, CryptoSuite suite) throws IOException;

    @Override
    public String toString() {
        return description;
    }

    static Path segment(Path dir) throws IOException {
        return Fixtures.onlySegment(dir);
    }

    static List<String> records(Path dir) throws IOException {
        return new ArrayList<>(Files.readAllLines(segment(dir)));
    }

    static void writeRecords(Path dir, List<String> lines) throws IOException {
        Files.write(segment(dir), lines);
    }

    static List<String> checkpointLines(Path dir) throws IOException {
        return new ArrayList<>(Files.readAllLines(dir.resolve("checkpoints.log")));
    }

    static void writeCheckpoints(Path dir, List<String> lines) throws IOException {
        Files.write(dir.resolve("checkpoints.log"), lines);
    }

    static long checkpointSize(String line) {
        Matcher m = SIZE.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not a checkpoint line: " + line);
        }
        return Long.parseLong(m.group(1));
    }

    static String body(String line) {
        return line.substring(9);
    }

    /** A plausible edit of an event: another decision, another agent, another consent. */
    static String edit(String body) {
        String edited = body.replace("approved", "rejected")
                .replace("withdrawn", "granted")
                .replace("quiet-hours", "opted-in")
                .replace("\"queue\":\"", "\"queue\":\"x-");
        if (edited.equals(body)) {
            throw new IllegalStateException("nothing to edit in " + body);
        }
        return edited;
    }

    /** Rewrites {@code prev} of every record from {@code from} on, and their CRCs. */
    static void rechain(List<String> lines, int from, CryptoSuite suite) {
        for (int i = Math.max(from, 1); i < lines.size(); i++) {
            String previous = HexFormat.of().formatHex(leafHash(suite, body(lines.get(i - 1))));
            String body = PREV.matcher(body(lines.get(i))).replaceFirst("\"prev\":\"" + previous + "\"");
            lines.set(i, reframe(body));
        }
    }

    /** RFC 6962 leaf hash of a record's body. */
    static byte[] leafHash(CryptoSuite suite, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, data, 1, bytes.length);
        return suite.digest(data);
    }

    /** A line with its CRC recomputed. */
    static String reframe(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x %s", crc.getValue(), body);
    }
}
