package io.gatehouse.server.auth;

/**
 * The AWS partitions, as the signing region implies them (the region patterns of botocore's {@code partitions.json}).
 * ARNs of a request carry {@link #id()}.
 */
public enum Partition {
    AWS("aws"),
    AWS_CN("aws-cn"),
    AWS_US_GOV("aws-us-gov"),
    AWS_ISO("aws-iso"),
    AWS_ISO_B("aws-iso-b"),
    AWS_ISO_E("aws-iso-e"),
    AWS_ISO_F("aws-iso-f"),
    AWS_EUSC("aws-eusc");

    private final String id;

    Partition(String id) {
        this.id = id;
    }

    /** The partition as ARNs spell it ({@code aws-us-gov}). */
    public String id() {
        return id;
    }

    /**
     * The partition a region name belongs to: {@code cn-*} is {@code aws-cn}, {@code us-gov-*} {@code aws-us-gov},
     * {@code us-iso-*} {@code aws-iso}, {@code us-isob-*} {@code aws-iso-b}, {@code eu-isoe-*} {@code aws-iso-e},
     * {@code us-isof-*} {@code aws-iso-f}, {@code eusc-*} {@code aws-eusc}, anything else {@code aws}. A partition's
     * global pseudo-region ({@code aws-global}, {@code aws-cn-global}, ...) belongs to that partition.
     */
    public static Partition ofRegion(String region) {
        for (Partition partition : values()) {
            if (region.equals(partition.globalRegion())) {
                return partition;
            }
        }
        if (region.startsWith("cn-")) {
            return AWS_CN;
        }
        if (region.startsWith("us-gov-")) {
            return AWS_US_GOV;
        }
        if (region.startsWith("us-iso-")) {
            return AWS_ISO;
        }
        if (region.startsWith("us-isob-")) {
            return AWS_ISO_B;
        }
        if (region.startsWith("eu-isoe-")) {
            return AWS_ISO_E;
        }
        if (region.startsWith("us-isof-")) {
            return AWS_ISO_F;
        }
        if (region.startsWith("eusc-")) {
            return AWS_EUSC;
        }
        return AWS;
    }

    /**
     * The partition's global pseudo-region ({@code aws-global}): the AWS SDK for Java v2 signs with it when a client
     * built for {@code Region.AWS_GLOBAL} is pointed at another endpoint.
     */
    public String globalRegion() {
        return id + "-global";
    }

    @Override
    public String toString() {
        return id;
    }
}
