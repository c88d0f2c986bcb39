package io.gatehouse.policy.engine;

/** The three results of AWS policy evaluation. */
public enum Outcome {
    /** Some policy allowed the request and everything that must allow it did, with no applicable Deny. */
    ALLOWED("Allowed"),
    /** An applicable Deny statement matched in some policy. */
    EXPLICITLY_DENIED("ExplicitlyDenied"),
    /** No applicable Deny, but something that must allow the request did not. */
    IMPLICITLY_DENIED("ImplicitlyDenied");

    private final String text;

    Outcome(String text) {
        this.text = text;
    }

    /** The name AWS and the case format use ({@code ExplicitlyDenied}). */
    public String text() {
        return text;
    }

    public boolean isAllowed() {
        return this == ALLOWED;
    }
}
