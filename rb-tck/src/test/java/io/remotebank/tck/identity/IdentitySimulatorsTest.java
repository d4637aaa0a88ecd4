package io.remotebank.tck.identity;

import io.remotebank.identity.simulator.Behaviour;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.LivenessProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** rb-identity-verify's simulators pass the kits, in each behaviour that answers. */
class IdentitySimulatorsTest {

    /** ICAO 9303 Part 4's TD3 specimen. */
    static final List<String> SPECIMEN =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Nested
    class OcrPassing extends DocumentOcrProviderContract {
        @Override
        protected DocumentOcrProvider newProvider() {
            return OcrSimulator.of("sim-ocr", SPECIMEN, Behaviour.PASS);
        }

        @Override
        protected Artefact readableDocument() {
            return Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", new byte[] {9, 9});
        }
    }

    @Nested
    class OcrReviewing extends DocumentOcrProviderContract {
        @Override
        protected DocumentOcrProvider newProvider() {
            return OcrSimulator.of("sim-ocr", SPECIMEN, Behaviour.REVIEW);
        }

        @Override
        protected Artefact readableDocument() {
            return Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", new byte[] {9, 9});
        }
    }

    @Nested
    class LivenessPassing extends LivenessProviderContract {
        @Override
        protected LivenessProvider newProvider() {
            return LivenessSimulator.of("sim-liveness", CLOCK, Behaviour.PASS);
        }

        @Override
        protected Instant now() {
            return CLOCK.instant();
        }
    }

    @Nested
    class LivenessFailing extends LivenessProviderContract {
        @Override
        protected LivenessProvider newProvider() {
            return LivenessSimulator.of("sim-liveness", CLOCK, Behaviour.FAIL);
        }

        @Override
        protected Instant now() {
            return CLOCK.instant();
        }
    }

    @Nested
    class FaceMatchPassing extends FaceMatchProviderContract {
        @Override
        protected FaceMatchProvider newProvider() {
            return FaceMatchSimulator.of("sim-face", Behaviour.PASS);
        }
    }

    @Nested
    class FaceMatchReviewing extends FaceMatchProviderContract {
        @Override
        protected FaceMatchProvider newProvider() {
            return FaceMatchSimulator.of("sim-face", Behaviour.REVIEW);
        }
    }

    @Nested
    class RegistryBothKinds extends IdentityRegistryContract {
        @Override
        protected IdentityRegistry newRegistry() {
            return RegistrySimulator.of("sim-registry", Behaviour.PASS);
        }
    }

    @Nested
    class RegistryNameAndIdOnly extends IdentityRegistryContract {
        @Override
        protected IdentityRegistry newRegistry() {
            return RegistrySimulator.nameAndIdOnly("sim-registry", Behaviour.FAIL);
        }
    }
}
