package io.gatehouse.catalog;

import java.util.List;

/** The content of {@code services.tsv.gz}. */
record ServiceData(List<ConditionKey> globalKeys, List<AwsService> services) {

    ServiceData {
        globalKeys = List.copyOf(globalKeys);
        services = List.copyOf(services);
    }
}
