package io.gatehouse.app.workload;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A token's time to live as an operator writes it: {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d} or ISO 8601. */
final class TimeToLive implements ITypeConverter<Duration> {

    /** The longest time to live: a token is a credential, and should be replaced now and then. */
    static final Duration MAX = Duration.ofDays(366);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    @Override
    public Duration convert(String value) {
        Duration ttl = parse(value);
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is not between 1 minute and 366 days");
        }
        return ttl;
    }

    private static Duration parse(String value) {
        Matcher shortForm = SHORT.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 90s, 30m, 12h, 7d or "
                    + "PT12H");
        }
    }
}
