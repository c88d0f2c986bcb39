package io.gatehouse.policy.parse;

/**
 * Whether a Date condition value is one IAM's legacy parser reads: an ISO 8601 date or date-time
 * ({@code 2020-01-01}, {@code 2020-01-01T12:00:00Z}, {@code 2016-12-13T21:20:37.593194-05:00}) or an
 * epoch time in seconds between 0 and 2^63-1. A value holding a policy variable is resolved at
 * request time and is not checked.
 */
final class DateValues {

    /** The years {@link java.util.Date} can hold. */
    private static final long MIN_YEAR = -292_275_054L;
    private static final long MAX_YEAR = 292_278_993L;
    private static final int MAX_DIGITS = 19;

    private DateValues() {}

    static boolean isValid(String value) {
        if (value.contains("${")) {
            return true;
        }
        String text = value.toLowerCase(java.util.Locale.ROOT);
        if (text.indexOf('t') >= 0 || text.indexOf('-') >= 0) {
            return isIsoDateTime(text);
        }
        return isEpoch(text);
    }

    private static boolean isEpoch(String text) {
        return isDigits(text) && text.length() <= MAX_DIGITS
                && (text.length() < MAX_DIGITS || text.compareTo("9223372036854775807") <= 0);
    }

    private static boolean isIsoDateTime(String text) {
        int t = text.indexOf('t');
        String date = t < 0 ? text : text.substring(0, t);
        String time = t < 0 ? "" : text.substring(t + 1);
        return isIsoDate(date) && isIsoTime(time);
    }

    /** {@code [-]year[-month[-day]]}. */
    private static boolean isIsoDate(String date) {
        boolean negative = date.startsWith("-");
        String[] parts = (negative ? date.substring(1) : date).split("-", -1);
        if (parts.length > 3 || !isDigits(parts[0]) || parts[0].length() > 9) {
            return false;
        }
        long year = Long.parseLong(parts[0]) * (negative ? -1 : 1);
        return year >= MIN_YEAR && year <= MAX_YEAR
                && (parts.length < 2 || inRange(parts[1], 1, 12))
                && (parts.length < 3 || inRange(parts[2], 1, 31));
    }

    /** {@code [hour[:minute[:second[.fraction][zone]]]]} with zone {@code z} or {@code ±hh[:mm]}. */
    private static boolean isIsoTime(String time) {
        if (time.isEmpty()) {
            return true;
        }
        String[] parts = time.split(":", 3);
        if (!inRange(parts[0], 0, 23) || parts.length > 1 && !inRange(parts[1], 0, 59)) {
            return false;
        }
        return parts.length < 3 || isSecondsAndZone(parts[2]);
    }

    private static boolean isSecondsAndZone(String text) {
        String seconds = text;
        int zone = firstZoneMark(text);
        if (zone >= 0) {
            boolean utc = text.charAt(zone) == 'z';
            if (utc ? zone != text.length() - 1 : !isZoneOffset(text.substring(zone + 1))) {
                return false;
            }
            seconds = text.substring(0, zone);
        }
        int dot = seconds.indexOf('.');
        String whole = dot < 0 ? seconds : seconds.substring(0, dot);
        return inRange(whole, 0, 59) && (dot < 0 || inRange(seconds.substring(dot + 1), 0, 999_999_999));
    }

    /** Where the zone designator ({@code z}, {@code +hh:mm} or {@code -hh:mm}) starts, or -1. */
    private static int firstZoneMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'z' || c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isZoneOffset(String zone) {
        String[] parts = zone.split(":", -1);
        return parts.length <= 2 && parts[0].length() == 2 && inRange(parts[0], 0, 23)
                && (parts.length == 1 || parts[1].length() == 2 && inRange(parts[1], 0, 59));
    }

    private static boolean inRange(String digits, long min, long max) {
        if (!isDigits(digits) || digits.length() > 10) {
            return false;
        }
        long value = Long.parseLong(digits);
        return value >= min && value <= max;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
