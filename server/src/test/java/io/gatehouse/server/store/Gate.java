package io.gatehouse.server.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the writer inside a command until released, so that the commands submitted meanwhile queue up and join the
 * held command's transaction.
 */
final class Gate {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** The command, waiting at the gate before it runs. */
    <T> WriteCommand<T> around(WriteCommand<T> command) {
        return tx -> {
            entered.countDown();
            await(released);
            return command.execute(tx);
        };
    }

    /** Waits until the writer is held at the gate. */
    void awaitEntered() {
        await(entered);
    }

    void release() {
        released.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
