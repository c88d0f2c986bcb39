package io.gatehouse.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size of a session's identity provider keys, which the operations issuing sessions cap. */
class FederationKeyTest {

    @Test
    void theSizeCountsNamesAndValuesInUtf8() {
        assertThat(FederationKey.bytes(List.of(new FederationKey("saml:sub", false, List.of("alice")),
                new FederationKey("saml:cn", true, List.of("Zoë", "Bob"))))).isEqualTo(8 + 5 + 7 + 4 + 3);
    }

    @Test
    void anEmptyValueCountsOneByteSoThatNoNumberOfValuesIsFree() {
        List<String> empties = Collections.nCopies(FederationKey.MAX_SESSION_BYTES, "");
        assertThat(FederationKey.bytes(List.of(new FederationKey("saml:cn", true, empties))))
                .isGreaterThan(FederationKey.MAX_SESSION_BYTES);
    }
}
