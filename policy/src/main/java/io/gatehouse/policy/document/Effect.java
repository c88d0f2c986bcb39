package io.gatehouse.policy.document;

/** The {@code Effect} of a policy statement. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String text;

    Effect(String text) {
        this.text = text;
    }

    /** The spelling AWS uses in policy JSON ({@code Allow}, {@code Deny}). */
    public String text() {
        return text;
    }
}
