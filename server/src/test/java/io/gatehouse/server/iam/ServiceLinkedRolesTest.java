package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.server.iam.ServiceLinkedRoles.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLinkedRolesTest {

    @Test
    void servicesAreFoundByTheirExactPrincipal() {
        Service autoScaling = ServiceLinkedRoles.find("autoscaling.amazonaws.com");
        assertThat(autoScaling.roleName()).isEqualTo("AWSServiceRoleForAutoScaling");
        assertThat(autoScaling.roleName("x")).isEqualTo("AWSServiceRoleForAutoScaling_x");
        assertThat(autoScaling.customSuffix()).isTrue();
        assertThat(autoScaling.path()).isEqualTo("/aws-service-role/autoscaling.amazonaws.com/");
        assertThat(ServiceLinkedRoles.find("ecs.amazonaws.com").customSuffix()).isFalse();
        assertThat(ServiceLinkedRoles.find("AutoScaling.amazonaws.com")).isNull();
        assertThat(ServiceLinkedRoles.find("unknown.amazonaws.com")).isNull();
    }

    @Test
    void everyServiceLinkedRolePolicyIsAnAwsManagedPolicyOfTheCatalog() throws IOException {
        for (String principal : List.of("access-analyzer.amazonaws.com", "autoscaling.amazonaws.com", "ecs.amazonaws.com",
                "eks.amazonaws.com", "elasticloadbalancing.amazonaws.com", "es.amazonaws.com", "rds.amazonaws.com",
                "spot.amazonaws.com", "organizations.amazonaws.com", "support.amazonaws.com")) {
            assertThat(ServiceLinkedRoles.find(principal)).as(principal).isNotNull();
        }
        try (InputStream in = ServiceLinkedRoles.class.getResourceAsStream("service-linked-roles.tsv")) {
            List<String> principals = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).map(line -> line.split("\t")[0]).toList();
            assertThat(principals).hasSizeGreaterThan(40);
            for (String principal : principals) {
                Service service = ServiceLinkedRoles.find(principal);
                assertThat(service.roleName()).as(principal).startsWith("AWSServiceRoleFor");
                assertThat(ManagedPolicies.get().byArn(service.policyArn())).as(principal).isPresent();
            }
        }
    }
}
