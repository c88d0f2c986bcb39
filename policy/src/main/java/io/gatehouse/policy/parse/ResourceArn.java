package io.gatehouse.policy.parse;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Checks one {@code Resource}/{@code NotResource} value the way IAM does: {@code *}, or an ARN
 * {@code arn:partition:service:region:account:resource} whose partition is the server's (or
 * {@code *}), whose service is literal, and whose region is absent for IAM (and for S3 buckets).
 * IAM does not look at the first segment. Shapes that only its legacy parser refuses (an empty
 * service, too few segments around {@code ::}, a region or account that cannot be one) are told
 * apart, because IAM reports them earlier and in other words.
 */
final class ResourceArn {

    /** What IAM makes of one resource value. */
    sealed interface Verdict {
        record Valid() implements Verdict {}

        record LegacyFailure() implements Verdict {}

        record Malformed(Message message) implements Verdict {}
    }

    private static final Verdict VALID = new Verdict.Valid();
    private static final Verdict LEGACY_FAILURE = new Verdict.LegacyFailure();

    /** A region segment: dash-separated words of lower-case letters, digits and wildcards. */
    private static final Pattern REGION = Pattern.compile("[a-z0-9*?]+(-[a-z0-9*?]+)*");
    /** An account segment: an account id, {@code aws}, or a pattern of them. */
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9*?-]*");
    private static final int ARN_COLONS = 5;

    private ResourceArn() {}

    static Verdict check(String resource, String partition, Messages messages) {
        if (resource.equals("*")) {
            return VALID;
        }
        int firstColon = resource.indexOf(':');
        if (firstColon < 0) {
            return new Verdict.Malformed(messages.resourceNotArn(resource));
        }
        String[] segments = resource.substring(firstColon + 1).split(":", -1);
        String arnPartition = segments[0];
        if (!arnPartition.equals("*") && !arnPartition.equals(partition)) {
            return new Verdict.Malformed(messages.partitionNotValid(arnPartition, normalized(segments)));
        }
        if (segments.length < 2) {
            return new Verdict.Malformed(messages.vendorNotQualified());
        }
        String service = segments[1];
        if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
            return new Verdict.Malformed(messages.vendorNotQualified());
        }
        String region = segments.length > 2 ? segments[2] : "";
        String account = segments.length > 3 ? segments[3] : "";
        if (service.equals("iam") && !region.isEmpty()) {
            return new Verdict.Malformed(messages.iamResourceRegion(resource));
        }
        if (service.equals("s3") && !region.isEmpty() && account.isEmpty()) {
            return new Verdict.Malformed(messages.s3ResourceRegion(resource));
        }
        return passesLegacyParsing(resource, service, region, account) ? VALID : LEGACY_FAILURE;
    }

    private static boolean passesLegacyParsing(String resource, String service, String region, String account) {
        if (resource.contains("::") && colons(resource) < ARN_COLONS || service.isEmpty()) {
            return false;
        }
        if (resource.contains("${")) {
            return true; // variables may hold colons; IAM resolves them per request
        }
        return (region.isEmpty() || REGION.matcher(region).matches()) && ACCOUNT.matcher(account).matches();
    }

    /** The resource as IAM quotes it in its partition message: six segments, missing ones as {@code *}. */
    private static String normalized(String[] segments) {
        String[] rest = segments.length == 1 ? new String[] {""} : Arrays.copyOfRange(segments, 1, segments.length);
        String service = rest.length == 1 && rest[0].isEmpty() ? "*" : rest[0];
        String region = rest.length > 1 ? rest[1] : "*";
        String account = rest.length > 2 ? rest[2] : "*";
        String name = rest.length > 3 ? String.join(":", Arrays.copyOfRange(rest, 3, rest.length)) : "*";
        return "arn:" + segments[0] + ":" + service + ":" + region + ":" + account + ":" + name;
    }

    private static int colons(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                count++;
            }
        }
        return count;
    }
}
