package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * What a service model says about the service as a whole.
 *
 * @param apiVersion     the {@code Version} requests carry ({@code 2010-05-08})
 * @param xmlNamespace   the namespace of response documents ({@code https://iam.amazonaws.com/doc/2010-05-08/})
 * @param protocol       the wire protocol ({@code query})
 * @param signingName    the SigV4 service name ({@code iam}); the endpoint prefix when the model names none
 * @param serviceId      the service id ({@code IAM})
 * @param endpointPrefix the endpoint prefix ({@code iam})
 */
public record ServiceMetadata(String apiVersion, String xmlNamespace, String protocol, String signingName,
                              String serviceId, String endpointPrefix) {

    public ServiceMetadata {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(xmlNamespace, "xmlNamespace");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(signingName, "signingName");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(endpointPrefix, "endpointPrefix");
    }
}
