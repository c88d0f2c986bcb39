package io.gatehouse.server.api;

import io.gatehouse.server.protocol.Struct;

/**
 * One AWS operation. A handler reads its validated input from the call, authorizes the caller for the resource it
 * names (before revealing whether that resource exists), makes its change through {@link Call#write} or reads the
 * state, and returns the output structure. AWS errors are thrown as {@link io.gatehouse.server.error.AwsException}.
 */
@FunctionalInterface
public interface OperationHandler {

    Struct handle(Call call);
}
