package io.gatehouse.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A stored workload token: bound to exactly one of a role and an instance profile, valid until its expiry. */
class WorkloadTokenTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void validUpToButNotAtItsExpiry() {
        WorkloadToken token = new WorkloadToken("id", "123456789012", "role", null, "s1", ISSUED, EXPIRES);
        assertThat(token.validAt(EXPIRES.minusSeconds(1))).isTrue();
        assertThat(token.validAt(EXPIRES)).isFalse();
    }

    @Test
    void boundToExactlyOneOfRoleAndInstanceProfile() {
        assertThatThrownBy(() -> new WorkloadToken("id", "123456789012", "role", "profile", "s1", ISSUED, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkloadToken("id", "123456789012", null, null, "s1", ISSUED, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdIsTheTokensSha256() {
        assertThat(WorkloadTokens.id("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
