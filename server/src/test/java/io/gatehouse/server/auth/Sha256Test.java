package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cloned SHA-256 and HMAC-SHA256 give the standard answers, also when many threads use them at once. */
class Sha256Test {

    private static final HexFormat HEX = HexFormat.of();
    /** FIPS 180-2, the digest of "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
    private static final String JEFE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private static String abc() {
        return HEX.formatHex(Sha256.digest().digest("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    private static String jefe() {
        return HEX.formatHex(Sha256.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void digestAndHmacGiveTheStandardTestVectors() {
        assertThat(abc()).isEqualTo(ABC);
        assertThat(jefe()).isEqualTo(JEFE);
    }

    @Test
    void manyThreadsAtOnceEachGetTheRightAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> task = () -> IntStream.range(0, 2_000)
                    .allMatch(i -> abc().equals(ABC) && jefe().equals(JEFE));
            List<Future<Boolean>> results = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> task).toList());
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
