package io.gatehouse.server.sts;

import io.gatehouse.catalog.ServiceCatalog;
import io.gatehouse.server.api.AuditRecorder;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.api.ServiceEndpoint;
import io.gatehouse.server.protocol.QueryProtocol;
import io.gatehouse.server.protocol.ServiceModel;
import io.gatehouse.server.protocol.Struct;
import java.util.HashMap;
import java.util.Map;

/** The STS API. */
public final class StsService {

    private StsService() {}

    public static ServiceEndpoint endpoint(ServiceCatalog catalog) {
        Map<String, OperationHandler> handlers = new HashMap<>();
        handlers.put("GetCallerIdentity", StsService::getCallerIdentity);
        return new ServiceEndpoint("sts", QueryProtocol.of(ServiceModel.load("sts")), handlers,
                new AuditRecorder("sts", catalog));
    }

    /** Who the caller is; needs no permission and cannot be denied (STS API Reference, GetCallerIdentity). */
    static Struct getCallerIdentity(Call call) {
        return call.output()
                .set("UserId", call.caller().userId())
                .set("Account", call.caller().accountId())
                .set("Arn", call.caller().arn())
                .build();
    }
}
