package io.gatehouse.server.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Small JSON objects written field by field: the bodies of the server's own JSON endpoints. */
public final class JsonObjects {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonObjects() {}

    /** Writes the members of one object. */
    public interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    /** {@code {…}} with the members written. */
    public static String write(Members members) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
