package io.gatehouse.server.auth;

import java.util.ArrayList;
import java.util.List;

/** Test credentials: one long-term key, one session, one disabled key; remembers what it was asked. */
final class RecordingLookup implements CredentialLookup<String> {

    static final String DISABLED_KEY = "AKIADISABLEDEXAMPLE";

    final List<String> asked = new ArrayList<>();

    @Override
    public Credential<String> accessKey(String accessKeyId) {
        asked.add(accessKeyId);
        if (accessKeyId.equals(SdkSigning.ACCESS_KEY)) {
            return Credential.active(SdkSigning.SECRET, "alice");
        }
        return accessKeyId.equals(DISABLED_KEY) ? Credential.disabled() : Credential.unknown();
    }

    @Override
    public Credential<String> sessionKey(String accessKeyId, String sessionToken) {
        asked.add(accessKeyId + "+" + sessionToken);
        return accessKeyId.equals(SdkSigning.SESSION_ACCESS_KEY) && sessionToken.equals(SdkSigning.SESSION_TOKEN)
                ? Credential.active(SdkSigning.SESSION_SECRET, "alice-session")
                : Credential.unknown();
    }
}
