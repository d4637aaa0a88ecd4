package io.remotebank.testsupport;

import java.lang.reflect.AnnotatedElement;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Applies {@link RequiresCommand} before a test class or method runs. */
final class PeerExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        check(context, context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check(context, context.getRequiredTestMethod());
    }

    private static void check(ExtensionContext context, AnnotatedElement element) {
        PeerPolicy policy =
                PeerPolicy.of(System::getenv, context.getConfigurationParameter(PeerPolicy.REQUIRE_PEERS_PARAMETER));
        for (RequiresCommand requirement :
                AnnotationSupport.findRepeatableAnnotations(element, RequiresCommand.class)) {
            policy.requireCommand(requirement.value(), requirement.debianPackage());
        }
    }
}
