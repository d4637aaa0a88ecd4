package io.remotebank.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs an OS command (a real peer such as {@code sipp}).
 *
 * <p>When the command is missing the test is skipped with a message naming the Debian package,
 * unless {@code RB_REQUIRE_PEERS=1} (or the JUnit configuration parameter {@code rb.requirePeers})
 * is set, in which case it fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(RequiresCommand.List.class)
@ExtendWith(PeerExtension.class)
public @interface RequiresCommand {

    /** The command, e.g. {@code sipp}. */
    String value();

    /** The Debian package that provides it, e.g. {@code sip-tester}. */
    String debianPackage();

    /** Container for repeated {@link RequiresCommand}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ExtendWith(PeerExtension.class)
    @interface List {
        /** The requirements. */
        RequiresCommand[] value();
    }
}
