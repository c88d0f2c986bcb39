package io.gatehouse.server.api;

import io.gatehouse.server.protocol.QueryProtocol;
import java.util.Map;

/**
 * One AWS service the server speaks: its Query protocol (from the service model), the handlers of the operations
 * it implements, and how its calls are audited.
 *
 * @param signingName the SigV4 signing name and action prefix ({@code iam}, {@code sts})
 * @param protocol    the model-driven codec
 * @param handlers    operation name to handler
 * @param audit       its audit recorder
 */
public record ServiceEndpoint(String signingName, QueryProtocol protocol, Map<String, OperationHandler> handlers,
                              AuditRecorder audit) {

    public ServiceEndpoint {
        handlers = Map.copyOf(handlers);
    }

    /** The service's API version ({@code 2010-05-08}). */
    public String apiVersion() {
        return protocol.model().metadata().apiVersion();
    }
}
