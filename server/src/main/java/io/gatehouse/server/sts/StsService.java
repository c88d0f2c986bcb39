package io.gatehouse.server.sts;

import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.api.AuditRecorder;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.api.ServiceEndpoint;
import io.gatehouse.server.protocol.QueryProtocol;
import io.gatehouse.server.protocol.ServiceModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The STS API. */
public final class StsService {

    private StsService() {}

    public static ServiceEndpoint endpoint(ServiceCatalog catalog) {
        Map<String, OperationHandler> handlers = new HashMap<>();
        handlers.put("GetCallerIdentity", IdentityOperations::getCallerIdentity);
        handlers.put("GetAccessKeyInfo", IdentityOperations::getAccessKeyInfo);
        handlers.put("GetSessionToken", SessionTokenOperation::getSessionToken);
        handlers.put("AssumeRole", AssumeRoleOperation::assumeRole);
        handlers.put("AssumeRoleWithSAML", AssumeRoleWithSamlOperation::assumeRoleWithSaml);
        handlers.put("GetFederationToken", FederationTokenOperation::getFederationToken);
        handlers.put("AssumeRoleWithWebIdentity", WebIdentityOperation::assumeRoleWithWebIdentity);
        handlers.put("DecodeAuthorizationMessage", AuthorizationMessageOperation::decodeAuthorizationMessage);
        handlers.put("GetWebIdentityToken", WebIdentityTokenOperation::getWebIdentityToken);
        // CloudTrail records the credentials STS issues (their key id and expiry), never the secret or the token; nor
        // the secrets the model does not mark sensitive: one-time MFA codes (GetSessionToken, AssumeRole) and the
        // context assertions of AssumeRole's ProvidedContexts, which are bearer tokens.
        AuditRecorder audit = new AuditRecorder("sts", catalog,
                Set.of("GetSessionToken", "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity",
                        "GetFederationToken"),
                Set.of("tokenType", "tokenCodeType", "contextAssertionType"));
        return new ServiceEndpoint("sts", QueryProtocol.of(ServiceModel.load("sts")), handlers, audit);
    }
}
