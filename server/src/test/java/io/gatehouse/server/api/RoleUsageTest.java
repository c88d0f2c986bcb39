package io.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.PolicyCode;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.StateWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A role's last use is recorded when a session of it makes a request, once a minute at most, through the writer, and
 * never fails a request; other sessions, and sessions of a role that no longer exists as such, record nothing.
 */
class RoleUsageTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ROLE_ID = "AROAROLEUSAGETEST001";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/ops/deployer";
    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

    private final InlineWriter writer = new InlineWriter();
    private final StateWriter state = new StateWriter(writer, new EntityCodec(InlineWriter.PLAIN), GatehouseState.EMPTY);
    private final RoleUsage usage = new RoleUsage(state);

    private void givenTheRole(String id) {
        state.apply(mutation -> {
            if (mutation.account(ACCOUNT) == null) {
                mutation.putAccount(AccountState.of(new Account(ACCOUNT, T, List.of())));
            }
            mutation.putRole(ACCOUNT, new Role("deployer", id, "/ops/", T, "{}", (PolicyCode) null, null, 3600, null,
                    List.of(), List.of(), List.of(), null));
            return null;
        });
        writer.writes.clear();
    }

    private static Session sessionOf(SessionPrincipal.Kind kind, String issuerArn, String issuerId) {
        return new Session("ASIAROLEUSAGETEST001", ACCOUNT, new SessionPrincipal(kind,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/deployer/s1", issuerId + ":s1"), T.minusSeconds(60),
                T.plus(Duration.ofHours(1)), null,
                new SessionAttributes(new SessionIssuer(issuerArn, issuerId), SessionPolicies.NONE, List.of(), null));
    }

    private static Session roleSession() {
        return sessionOf(SessionPrincipal.Kind.ASSUMED_ROLE, ROLE_ARN, ROLE_ID);
    }

    private Role.LastUsed lastUse() {
        return state.current().account(ACCOUNT).role("deployer").lastUsed();
    }

    @Test
    void theFirstUseIsRecordedAtOnceAndLaterOnesOncePerMinute() {
        givenTheRole(ROLE_ID);
        usage.record(roleSession(), "eu-west-1", T);
        assertThat(lastUse()).isEqualTo(new Role.LastUsed(T, "eu-west-1"));
        assertThat(writer.writes).containsExactly("role:deployer");

        usage.record(roleSession(), "us-east-1", T.plusSeconds(59));
        assertThat(lastUse()).as("within the minute").isEqualTo(new Role.LastUsed(T, "eu-west-1"));
        assertThat(writer.writes).hasSize(1);

        usage.record(roleSession(), "us-east-1", T.plusSeconds(60));
        assertThat(lastUse()).isEqualTo(new Role.LastUsed(T.plusSeconds(60), "us-east-1"));
        assertThat(writer.writes).hasSize(2);
        assertThat(state.current().account(ACCOUNT).role("deployer").path()).as("the rest of the role stays")
                .isEqualTo("/ops/");
    }

    @Test
    void sessionsOfNoRoleOrOfAnEarlierRoleOfTheSameNameRecordNothing() {
        givenTheRole(ROLE_ID);
        usage.record(null, "us-east-1", T);
        usage.record(sessionOf(SessionPrincipal.Kind.FEDERATED_USER, "arn:aws:iam::" + ACCOUNT + ":user/deployer",
                "AIDADEPLOYER00000001"), "us-east-1", T);
        usage.record(sessionOf(SessionPrincipal.Kind.ASSUMED_ROLE, ROLE_ARN, "AROADELETEDROLE00001"), "us-east-1", T);
        assertThat(writer.writes).isEmpty();
        assertThat(lastUse()).isNull();
    }

    @Test
    void aRecordTheWriterRefusesIsDroppedAndTheNextUseTriesAgain() {
        givenTheRole(ROLE_ID);
        writer.full = true;
        usage.record(roleSession(), "us-east-1", T);
        assertThat(lastUse()).isNull();
        writer.full = false;
        usage.record(roleSession(), "us-east-1", T.plusSeconds(1));
        assertThat(lastUse()).isEqualTo(new Role.LastUsed(T.plusSeconds(1), "us-east-1"));
    }
}
