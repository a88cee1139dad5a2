package io.cairn.datagen.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * The generated period of one tenant, in the tenant's time zone: local days 0..days-1 from {@code start},
 * cut into 7-day chunks, one data file per chunk.
 */
public record Period(LocalDate start, int days, ZoneId zone) {
    public static final int CHUNK_DAYS = 7;
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    public Period {
        requireNonNull(start, "start is null");
        requireNonNull(zone, "zone is null");
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive: " + days);
        }
    }

    /** Epoch second of a local time of day on a local day (days may lie outside the period). */
    public long at(int day, int secondOfDay) {
        LocalDateTime local = LocalDateTime.of(start.plusDays(day), LocalTime.ofSecondOfDay(secondOfDay));
        return local.atZone(zone).toEpochSecond();
    }

    public LocalDate date(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    /** The local day index of an instant (negative before the period). */
    public int dayOf(long epochSecond) {
        return (int) ChronoUnit.DAYS.between(start, date(epochSecond));
    }

    public int chunks() {
        return (days + CHUNK_DAYS - 1) / CHUNK_DAYS;
    }

    public static int chunkOf(int day) {
        return Math.max(0, day) / CHUNK_DAYS;
    }

    /** The first day of the chunk after the one holding {@code day}. */
    public static int nextChunkStart(int day) {
        return (chunkOf(day) + 1) * CHUNK_DAYS;
    }

    /** ISO time with the tenant's UTC offset, as Shopify writes it: 2024-01-03T10:15:00-05:00. */
    public String offsetTime(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone).format(OFFSET);
    }

    /** ISO time in UTC: 2024-01-03T15:15:00Z. */
    public String utcTime(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC).format(UTC);
    }

    public String localDate(long epochSecond) {
        return date(epochSecond).toString();
    }
}
