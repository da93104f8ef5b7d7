package dev.certsd.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reason a refused pair gives by itself: the order a TLS server checks in, nothing when it gives none. */
class RejectionTest {
    private static final Instant NOW = Instant.now();
    private static final List<byte[]> CLIENT_CA = List.of(Fixtures.CLIENT_CA.cert().getSubjectX500Principal()
            .getEncoded());

    private static ClientPair pair(TestPki.Issued i) {
        return new ClientPair("x", Path.of("x.cert"), Path.of("x.key"), List.of(i.cert()), i.keys().getPrivate());
    }

    @Test
    void aGoodPairGivesNoReason() {
        assertNull(Rejection.of(pair(Fixtures.CLIENT), CLIENT_CA, NOW));
        assertNull(Rejection.of(pair(Fixtures.CLIENT), List.of(), NOW), "no CA list: any issuer may do");
    }

    @Test
    void expiredNotYetValidWrongEkuAndAForeignIssuerAreNamed() {
        TestPki.Issued expired = TestPki.cert("CN=old").keys(TestPki.rsa(3)).issuer(Fixtures.CLIENT_CA).clientAuth()
                .expired().build();
        assertEquals(Rejection.EXPIRED, Rejection.of(pair(expired), CLIENT_CA, NOW));
        assertEquals(Rejection.NOT_YET_VALID, Rejection.of(pair(Fixtures.CLIENT), CLIENT_CA,
                Fixtures.CLIENT.cert().getNotBefore().toInstant().minusSeconds(3600)));
        TestPki.Issued server = TestPki.cert("CN=server").keys(TestPki.rsa(3)).issuer(Fixtures.CLIENT_CA)
                .serverAuth().build();
        assertEquals(Rejection.NO_CLIENT_AUTH, Rejection.of(pair(server), CLIENT_CA, NOW));
        assertEquals(Rejection.ISSUER_NOT_ACCEPTED, Rejection.of(pair(Fixtures.CLIENT),
                List.of(Fixtures.SERVER_CA.cert().getSubjectX500Principal().getEncoded()), NOW));
    }
}
