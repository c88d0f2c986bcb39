package io.gatehouse.server.iam;

import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.api.AuditRecorder;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.api.ServiceEndpoint;
import io.gatehouse.server.protocol.QueryProtocol;
import io.gatehouse.server.protocol.ServiceModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The IAM API: its model-driven protocol and the handlers of the operations Gatehouse implements. */
public final class IamService {

    private IamService() {}

    public static ServiceEndpoint endpoint(ServiceCatalog catalog) {
        Map<String, OperationHandler> handlers = new HashMap<>();
        UserOperations.register(handlers);
        UserTagOperations.register(handlers);
        GroupOperations.register(handlers);
        AccessKeyOperations.register(handlers);
        VirtualMfaDeviceOperations.register(handlers);
        MfaDeviceOperations.register(handlers);
        SshPublicKeyOperations.register(handlers);
        SigningCertificateOperations.register(handlers);
        ServerCertificateOperations.register(handlers);
        ServiceSpecificCredentialOperations.register(handlers);
        PolicyOperations.register(handlers);
        AttachmentOperations.register(handlers);
        InlinePolicyOperations.register(handlers);
        RoleOperations.register(handlers);
        ServiceLinkedRoleOperations.register(handlers);
        InstanceProfileOperations.register(handlers);
        AccountOperations.register(handlers);
        PasswordPolicyOperations.register(handlers);
        LoginProfileOperations.register(handlers);
        CredentialReportOperations.register(handlers);
        OidcProviderOperations.register(handlers);
        SamlProviderOperations.register(handlers);
        OutboundFederationOperations.register(handlers);
        return new ServiceEndpoint("iam", QueryProtocol.of(ServiceModel.load("iam")), handlers,
                new AuditRecorder("iam", catalog, Set.of(),
                        // One-time MFA codes (EnableMFADevice, ResyncMFADevice), which the model does not mark
                        // sensitive.
                        Set.of("authenticationCodeType")));
    }
}
