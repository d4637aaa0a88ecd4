package io.remotebank.benchmarks;

import io.remotebank.core.crypto.CryptoSuite;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * rb-core's hash paths ({@code CryptoSuite.digest}) beside the raw digests they are built on: the
 * JDK's SHA-256 (with its intrinsics) and BouncyCastle's SHA256Digest and SM3Digest, each reused as
 * a caller that holds one instance would. The raw digest is the limit; our overhead should stay
 * under 10%.
 *
 * <p>5 methods x 4 sizes x 2 forks x (3 + 5) s: about 6 minutes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DigestBenchmark {

    @Param({"64", "1024", "16384", "65536"})
    int size;

    byte[] data;
    CryptoSuite international;
    CryptoSuite sm;
    MessageDigest jdkSha256;
    SHA256Digest bcSha256;
    SM3Digest bcSm3;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        data = new byte[size];
        new Random(size).nextBytes(data);
        international = CryptoSuite.international();
        sm = CryptoSuite.sm();
        jdkSha256 = MessageDigest.getInstance("SHA-256");
        bcSha256 = new SHA256Digest();
        bcSm3 = new SM3Digest();
    }

    @Benchmark
    public byte[] remotebankSha256() {
        return international.digest(data);
    }

    @Benchmark
    public byte[] jdkSha256() {
        return jdkSha256.digest(data);
    }

    @Benchmark
    public byte[] bouncyCastleSha256() {
        bcSha256.update(data, 0, data.length);
        byte[] out = new byte[32];
        bcSha256.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] remotebankSm3() {
        return sm.digest(data);
    }

    @Benchmark
    public byte[] bouncyCastleSm3() {
        bcSm3.update(data, 0, data.length);
        byte[] out = new byte[32];
        bcSm3.doFinal(out, 0);
        return out;
    }
}
