package io.gatehouse.server.auth;

import io.gatehouse.server.error.AwsException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that answers in-process: it verifies each request's signature and replies with a canned
 * success, or with the Query protocol's error envelope carrying the verifier's code and message, so that real SDK
 * clients show what a caller would see.
 */
final class VerifyingHttpClient implements SdkHttpClient {

    private final SigV4Verifier<String> verifier;
    private final String successXml;
    final List<Authentication<String>> accepted = new CopyOnWriteArrayList<>();

    VerifyingHttpClient(SigV4Verifier<String> verifier, String successXml) {
        this.verifier = verifier;
        this.successXml = successXml;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body = request.contentStreamProvider().map(SdkSigning::read).orElse(new byte[0]);
                int status;
                String xml;
                try {
                    accepted.add(verifier.verify(SdkSigning.toSigV4Request(request.httpRequest(), body)));
                    status = 200;
                    xml = successXml;
                } catch (AwsException e) {
                    status = e.error().status();
                    xml = "<ErrorResponse><Error><Type>" + e.error().fault().text() + "</Type><Code>"
                            + e.error().code() + "</Code><Message>" + escape(e.getMessage())
                            + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
                }
                byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", "text/xml")
                                .putHeader("Content-Length", Integer.toString(bytes.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
    }
}
