package io.gatehouse.server.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The time formats of SigV4: {@code 20150830T123600Z} (ISO 8601 basic, UTC) and, in a {@code Date} header, RFC 1123. */
final class AmzDate {

    private static final int BASIC_LENGTH = 16;
    private static final int MAX_RFC_1123_LENGTH = 40;
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AmzDate() {
    }

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'} strictly; {@code null} when {@code text} is anything else. */
    static Instant parseBasic(String text) {
        if (text.length() != BASIC_LENGTH || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 4, 6);
        int day = digits(text, 6, 8);
        int hour = digits(text, 9, 11);
        int minute = digits(text, 11, 13);
        int second = digits(text, 13, 15);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, 1);
        if (day > date.lengthOfMonth()) {
            return null;
        }
        long epochDay = date.toEpochDay() + day - 1;
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
    }

    /** Parses a {@code Date} header: ISO 8601 basic or RFC 1123 ({@code Sun, 30 Aug 2015 12:36:00 GMT}); else {@code null}. */
    static Instant parseDateHeader(String text) {
        Instant basic = parseBasic(text);
        if (basic != null || text.length() > MAX_RFC_1123_LENGTH) {
            return basic;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code 20150830T123600Z}. */
    static String formatBasic(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return BASIC.format(instant);
        }
        // By hand: this runs for every request verified, and DateTimeFormatter costs several times more.
        char[] out = new char[BASIC_LENGTH];
        put(out, 0, time.getYear(), 4);
        put(out, 4, time.getMonthValue(), 2);
        put(out, 6, time.getDayOfMonth(), 2);
        out[8] = 'T';
        put(out, 9, time.getHour(), 2);
        put(out, 11, time.getMinute(), 2);
        put(out, 13, time.getSecond(), 2);
        out[15] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
