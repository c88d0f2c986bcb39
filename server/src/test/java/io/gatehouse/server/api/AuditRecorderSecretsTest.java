package io.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.iam.IamService;
import io.gatehouse.server.protocol.ListShape;
import io.gatehouse.server.protocol.MapShape;
import io.gatehouse.server.protocol.Member;
import io.gatehouse.server.protocol.Operation;
import io.gatehouse.server.protocol.Shape;
import io.gatehouse.server.protocol.StringShape;
import io.gatehouse.server.protocol.StructureShape;
import io.gatehouse.server.sts.StsService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No member of any IAM or STS operation that holds a secret is written into an audit event: a walk over every input
 * and output structure of both models finds each string member whose name says it holds a password, secret, token,
 * one-time code, private key, seed or assertion, and requires the recorder to leave its shape out (because the model
 * marks it sensitive or because the service withholds it). A member added by a newer model is caught here.
 */
class AuditRecorderSecretsTest {

    /** Member names that say "secret". */
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(Password|Secret|Token|Code[0-9]?|PrivateKey|Seed|Assertion|SAMLResponse).*");
    /** Members whose names match but hold no secret, each for a reason. */
    private static final Set<String> NOT_SECRETS = Set.of(
            "AssertionEncryptionMode", // Required or Allowed
            "Code", // ErrorDetails.Code: an error code
            "GlobalEndpointTokenVersion", // v1Token or v2Token
            "RemovePrivateKey", // the id of a SAML provider's decryption key, not the key
            "SubjectFromWebIdentityToken"); // the token's sub claim, which CloudTrail records

    @Test
    void iamRecordsNoSecret() {
        assertNoSecretRecorded(IamService.endpoint(ServiceCatalog.get()));
    }

    @Test
    void stsRecordsNoSecret() {
        assertNoSecretRecorded(StsService.endpoint(ServiceCatalog.get()));
    }

    private static void assertNoSecretRecorded(ServiceEndpoint endpoint) {
        List<String> recorded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Operation operation : endpoint.protocol().model().operations()) {
            walk(endpoint.audit(), operation.input(), seen, recorded);
            walk(endpoint.audit(), operation.output(), seen, recorded);
        }
        assertThat(seen).as("the walk reached the structures").isNotEmpty();
        assertThat(recorded).as("secret-bearing members an event would record").isEmpty();
    }

    private static void walk(AuditRecorder audit, Shape shape, Set<String> seen, List<String> recorded) {
        switch (shape) {
            case null -> { }
            case StructureShape structure -> {
                if (!seen.add(structure.name())) {
                    return;
                }
                for (Member member : structure.members()) {
                    if (member.shape() instanceof StringShape && SECRET_NAME.matcher(member.name()).matches()
                            && !NOT_SECRETS.contains(member.name()) && audit.records(member.shape())) {
                        recorded.add(structure.name() + "." + member.name() + " (" + member.shape().name() + ")");
                    }
                    walk(audit, member.shape(), seen, recorded);
                }
            }
            case ListShape list -> walk(audit, list.member().shape(), seen, recorded);
            case MapShape map -> walk(audit, map.value().shape(), seen, recorded);
            default -> { }
        }
    }
}
