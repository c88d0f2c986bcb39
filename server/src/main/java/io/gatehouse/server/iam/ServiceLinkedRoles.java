package io.gatehouse.server.iam;

import io.gatehouse.server.state.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The AWS services whose service-linked roles {@code CreateServiceLinkedRole} creates, read once from the resource
 * {@code service-linked-roles.tsv}: for each service principal, the name AWS gives its role, whether the service
 * takes a custom suffix, and the AWS managed policy AWS attaches to the role.
 */
final class ServiceLinkedRoles {

    private static final String RESOURCE = "service-linked-roles.tsv";

    private static final class Holder {
        static final Map<String, Service> SERVICES = read();
    }

    private ServiceLinkedRoles() {}

    /**
     * One service's role.
     *
     * @param principal    the service principal ({@code autoscaling.amazonaws.com}), case-sensitive as AWS has it
     * @param roleName     the role's name without a suffix ({@code AWSServiceRoleForAutoScaling})
     * @param customSuffix whether the service takes a {@code CustomSuffix}
     * @param policyArn    the canonical ARN of the AWS managed policy attached to the role
     */
    record Service(String principal, String roleName, boolean customSuffix, String policyArn) {

        /** The role's path, {@code /aws-service-role/PRINCIPAL/}. */
        String path() {
            return Role.SERVICE_LINKED_PATH + principal + "/";
        }

        /** The role's name with a suffix, joined as AWS joins it ({@code AWSServiceRoleForAutoScaling_suffix}). */
        String roleName(String suffix) {
            return suffix == null ? roleName : roleName + "_" + suffix;
        }

        /** The trust policy IAM keeps for the role, as GetRole answers it. */
        String trustPolicy() {
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                    + principal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        }

        /** The same trust policy in the form CreateServiceLinkedRole answers it, with its values as lists. */
        String trustPolicyAsCreated() {
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"sts:AssumeRole\"],\"Effect\":\"Allow\","
                    + "\"Principal\":{\"Service\":[\"" + principal + "\"]}}]}";
        }
    }

    /** The service with this principal (compared exactly, as AWS compares service principals), or {@code null}. */
    static Service find(String principal) {
        return Holder.SERVICES.get(principal);
    }

    private static Map<String, Service> read() {
        Map<String, Service> services = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(ServiceLinkedRoles.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 4 || !(fields[2].equals("yes") || fields[2].equals("no"))) {
                    throw new IllegalStateException(RESOURCE + ": malformed line: " + line);
                }
                Service service = new Service(fields[0], fields[1], fields[2].equals("yes"),
                        "arn:aws:iam::aws:policy/" + fields[3]);
                if (services.put(service.principal(), service) != null) {
                    throw new IllegalStateException(RESOURCE + ": service listed twice: " + service.principal());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(services);
    }
}
