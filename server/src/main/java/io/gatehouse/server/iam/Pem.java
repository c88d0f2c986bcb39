package io.gatehouse.server.iam;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text (RFC 7468): blocks of base64 between {@code -----BEGIN LABEL-----} and {@code -----END LABEL-----}. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final int LINE = 64;

    /** One block: its label and the bytes it encodes. */
    record Block(String label, byte[] der) {}

    private Pem() {}

    /**
     * The blocks of a text that holds nothing but PEM blocks and white space, or {@code null} when the text holds
     * anything else (a block whose base64 does not decode included).
     */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        int end = 0;
        while (matcher.find()) {
            if (!text.substring(end, matcher.start()).isBlank()) {
                return null;
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            end = matcher.end();
        }
        return text.substring(end).isBlank() ? blocks : null;
    }

    /** Bytes as one PEM block with lines of 64 characters. */
    static String encode(String label, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += LINE) {
            out.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
        }
        return out.append("-----END ").append(label).append("-----").toString();
    }
}
