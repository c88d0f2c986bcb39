package io.gatehouse.server.error;

/**
 * Every error Gatehouse returns to a client, with the code, HTTP status and fault AWS uses for it. Messages are
 * given per occurrence (AWS words them per case); {@link #defaultMessage()} is the text AWS uses when a message
 * does not depend on the request.
 *
 * <p>Kept in one place, like Kafka's {@code Errors}: a handler names the error, never a status or a fault.
 */
public enum AwsError {

    // --- protocol and request shape ---
    /** The request names no operation. */
    MISSING_ACTION("MissingAction", 400, Fault.SENDER, "Missing Action"),
    /**
     * The request names an operation the service does not have, or an API version it does not support: AWS answers
     * both with {@code Could not find operation X for version V}.
     */
    INVALID_ACTION("InvalidAction", 400, Fault.SENDER, null),
    /** A parameter fails a constraint of the service model (required, length, pattern, enum, range). */
    VALIDATION_ERROR("ValidationError", 400, Fault.SENDER, null),
    /** A parameter value is not valid for the operation. */
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, Fault.SENDER, null),
    /** A parameter combination is not valid. */
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400, Fault.SENDER, null),
    /** The query string or form body cannot be read. */
    MALFORMED_QUERY_STRING("MalformedQueryString", 400, Fault.SENDER, null),
    /** The request is too large or has too many parameters. */
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413, Fault.SENDER, "Request body too large"),
    /** The HTTP method is not allowed for the service. */
    UNSUPPORTED_PROTOCOL("UnsupportedProtocol", 400, Fault.SENDER, null),
    /**
     * The request is not well-formed HTTP/1.1 (its framing, request line or header section), so it cannot be read;
     * AWS's common error for problems at the HTTP level.
     */
    MALFORMED_HTTP_REQUEST("MalformedHttpRequestException", 400, Fault.SENDER,
            "The request could not be read: it is not well-formed HTTP/1.1."),
    /** The client did not send its whole request in time (AWS's common error for it). */
    REQUEST_TIMEOUT("RequestTimeoutException", 408, Fault.SENDER, "Reading the request timed out."),

    // --- authentication (SigV4) ---
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, Fault.SENDER, "Request is missing Authentication Token"),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, Fault.SENDER, null),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, Fault.SENDER, "The security token included in the request is invalid."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, Fault.SENDER,
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
                    + "Access Key and signing method. Consult the service documentation for details."),
    REQUEST_EXPIRED("RequestExpired", 400, Fault.SENDER, "Request has expired."),
    /** A presigned URL's {@code X-Amz-Expires} is not a number of seconds from 0 to 604800 (S3's code and texts). */
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400, Fault.SENDER, null),
    EXPIRED_TOKEN("ExpiredToken", 403, Fault.SENDER, "The security token included in the request is expired"),
    INVALID_SIGNATURE_EXCEPTION("InvalidSignatureException", 400, Fault.SENDER, null),

    // --- authorization ---
    ACCESS_DENIED("AccessDenied", 403, Fault.SENDER, null),

    // --- IAM ---
    NO_SUCH_ENTITY("NoSuchEntity", 404, Fault.SENDER, null),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409, Fault.SENDER, null),
    LIMIT_EXCEEDED("LimitExceeded", 409, Fault.SENDER, null),
    DELETE_CONFLICT("DeleteConflict", 409, Fault.SENDER, null),
    INVALID_INPUT("InvalidInput", 400, Fault.SENDER, null),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400, Fault.SENDER, null),
    /** STS: the session policies and tags pack to more than their limit. */
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400, Fault.SENDER, null),
    /** STS federation: the SAML response or web identity token cannot be trusted (STS model, 400). */
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400, Fault.SENDER, "The web identity token that was passed could "
            + "not be validated by AWS. Get a new identity token from the identity provider and then retry the request."),
    /** STS federation: the SAML response or web identity token has expired (not the {@code ExpiredToken} of SigV4). */
    EXPIRED_TOKEN_EXCEPTION("ExpiredTokenException", 400, Fault.SENDER, null),
    /** STS AssumeRoleWithWebIdentity: the identity provider's keys could not be fetched. */
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400, Fault.SENDER, null),
    /** STS federation: the identity provider reported that authentication failed (STS model, 403). */
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403, Fault.SENDER, null),
    /** STS DecodeAuthorizationMessage: the message is not one STS encoded. */
    INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400, Fault.SENDER, null),
    /** STS GetWebIdentityToken: the caller's account has not enabled outbound identity federation (STS model, 403). */
    OUTBOUND_FEDERATION_DISABLED("OutboundWebIdentityFederationDisabledException", 403, Fault.SENDER,
            "Outbound web identity federation is not enabled for this account. Enable it with "
                    + "EnableOutboundWebIdentityFederation before requesting web identity tokens."),
    /** STS GetWebIdentityToken: the token would outlive the caller's session (STS model, 403). */
    SESSION_DURATION_ESCALATION("SessionDurationEscalationException", 403, Fault.SENDER,
            "The requested token duration would extend the session beyond its original expiration time."),
    /** STS GetWebIdentityToken: the token's payload is too large (STS model, 400). */
    JWT_PAYLOAD_SIZE_EXCEEDED("JWTPayloadSizeExceededException", 400, Fault.SENDER,
            "The requested token payload size exceeds the maximum allowed size. Reduce the number of request tags."),
    /** IAM EnableOutboundWebIdentityFederation: the feature is enabled already (IAM model, 409). */
    FEATURE_ENABLED("FeatureEnabled", 409, Fault.SENDER,
            "Outbound identity federation is already enabled for this account."),
    /** IAM outbound identity federation: the feature is not enabled (IAM model, 404). */
    FEATURE_DISABLED("FeatureDisabled", 404, Fault.SENDER,
            "Outbound identity federation is disabled for this account."),
    POLICY_NOT_ATTACHABLE("PolicyNotAttachable", 400, Fault.SENDER, null),
    POLICY_EVALUATION("PolicyEvaluation", 500, Fault.RECEIVER, null),
    UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400, Fault.SENDER, null),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409, Fault.SENDER, null),
    ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409, Fault.SENDER, null),
    /** A password does not meet the account's password policy (or AWS's default one). */
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400, Fault.SENDER,
            "Password does not conform to the account password policy."),
    /** The caller is not the kind of principal the operation is for (ChangePassword is for IAM users only). */
    INVALID_USER_TYPE("InvalidUserType", 400, Fault.SENDER, null),
    /** An MFA device's code is wrong, out of time or spent already (IAM words every case alike). */
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403, Fault.SENDER,
            "Authentication code for device is not valid."),
    /*
     * The credential report's errors. AWS answers them without a message (botocore shows "Unknown"); Gatehouse gives
     * the model's description of each, without its "The request was rejected because".
     */
    REPORT_NOT_PRESENT("ReportNotPresent", 410, Fault.SENDER,
            "The credential report does not exist. To generate a credential report, use GenerateCredentialReport."),
    REPORT_IN_PROGRESS("ReportInProgress", 404, Fault.SENDER, "The credential report is still being generated."),
    REPORT_EXPIRED("ReportExpired", 410, Fault.SENDER, "The most recent credential report has expired. To generate a "
            + "new credential report, use GenerateCredentialReport."),
    REPORT_GENERATION_LIMIT_EXCEEDED("ReportGenerationLimitExceeded", 409, Fault.SENDER, null),
    NOT_IMPLEMENTED("NotImplemented", 501, Fault.RECEIVER, null),
    /** An SSH public key in a recognised encoding that is not a usable key. */
    INVALID_PUBLIC_KEY("InvalidPublicKey", 400, Fault.SENDER, null),
    /** An SSH public key in neither the ssh-rsa nor the PEM encoding. */
    UNRECOGNIZED_PUBLIC_KEY_ENCODING("UnrecognizedPublicKeyEncoding", 400, Fault.SENDER, null),
    DUPLICATE_SSH_PUBLIC_KEY("DuplicateSSHPublicKey", 400, Fault.SENDER, null),
    /** A certificate (or private key) that cannot be read, or is outside its validity. */
    MALFORMED_CERTIFICATE("MalformedCertificate", 400, Fault.SENDER, null),
    DUPLICATE_CERTIFICATE("DuplicateCertificate", 409, Fault.SENDER, null),
    KEY_PAIR_MISMATCH("KeyPairMismatch", 400, Fault.SENDER, null),
    /** A service that has no service-specific credentials (its code differs from its model shape's name). */
    SERVICE_NOT_SUPPORTED("NotSupportedService", 404, Fault.SENDER, null),

    // --- STS ---
    REGION_DISABLED("RegionDisabledException", 403, Fault.SENDER, null),

    // --- server ---
    THROTTLING("Throttling", 400, Fault.SENDER, "Rate exceeded"),
    SERVICE_FAILURE("ServiceFailure", 500, Fault.RECEIVER,
            "Request processing has failed due to some unknown error, exception or failure."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, Fault.RECEIVER, "Service is unable to handle request.");

    /** Whose fault an error is, as the Query protocol's {@code <Type>} element says. */
    public enum Fault {
        SENDER("Sender"),
        RECEIVER("Receiver");

        private final String text;

        Fault(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final String code;
    private final int status;
    private final Fault fault;
    private final String defaultMessage;

    AwsError(String code, int status, Fault fault, String defaultMessage) {
        this.code = code;
        this.status = status;
        this.fault = fault;
        this.defaultMessage = defaultMessage;
    }

    /** The code clients see ({@code NoSuchEntity}). */
    public String code() {
        return code;
    }

    /** The HTTP status AWS answers with. */
    public int status() {
        return status;
    }

    public Fault fault() {
        return fault;
    }

    /** The message AWS uses when it does not depend on the request, or {@code null}. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** An exception carrying this error with its default message. */
    public AwsException exception() {
        return new AwsException(this, defaultMessage == null ? code : defaultMessage);
    }

    /** An exception carrying this error with the given message. */
    public AwsException exception(String message) {
        return new AwsException(this, message);
    }

    /** An exception carrying this error with a formatted message. */
    public AwsException exception(String format, Object... args) {
        return new AwsException(this, String.format(format, args));
    }
}
