package io.cairn.datagen.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import static java.util.Objects.requireNonNull;

/**
 * Transactional slots day by day: each day's count follows the day-of-week shape with some noise, and its
 * times are sorted. Only one day's times are held at once, so the stream can be arbitrarily long.
 */
public final class DailySlots implements Iterator<Slot> {
    private final Period period;
    private final DayShape shape;
    private final double perDay;
    private final long[] key;
    private final int dayLimit;
    private int day = -1;
    private long[] times = new long[0];
    private int position;
    private long nextIndex;

    /**
     * @param key the key parts (seed, tenant, stream) that make the counts and times reproducible
     * @param dayLimit days to generate; Integer.MAX_VALUE for an endless stream
     */
    public DailySlots(Period period, DayShape shape, double perDay, int dayLimit, long... key) {
        this.period = requireNonNull(period, "period is null");
        this.shape = requireNonNull(shape, "shape is null");
        this.perDay = perDay;
        this.dayLimit = dayLimit;
        this.key = key.clone();
    }

    public static DailySlots of(Period period, DayShape shape, double perDay, long... key) {
        return new DailySlots(period, shape, perDay, period.days(), key);
    }

    @Override
    public boolean hasNext() {
        while (position >= times.length) {
            if (day + 1 >= dayLimit) {
                return false;
            }
            loadDay(day + 1);
        }
        return true;
    }

    @Override
    public Slot next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return new Slot(nextIndex++, times[position++], day);
    }

    private void loadDay(int newDay) {
        day = newDay;
        position = 0;
        Rng rng = Rng.of(append(key, day));
        int dow = period.start().plusDays(day).getDayOfWeek().getValue();
        double expected = perDay * shape.weekdayFactor(dow) * (0.85 + 0.3 * rng.nextDouble());
        int count = (int) Math.floor(expected + rng.nextDouble());
        int[] seconds = new int[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = shape.secondOfDay(rng);
        }
        Arrays.sort(seconds);
        times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = period.at(day, seconds[i]);
        }
    }

    private static long[] append(long[] parts, long last) {
        long[] out = Arrays.copyOf(parts, parts.length + 1);
        out[parts.length] = last;
        return out;
    }
}
