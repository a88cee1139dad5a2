package io.cairn.datagen.engine;

/** When in the day and week a kind of activity happens: hourly weights and Monday-to-Sunday volume factors. */
public enum DayShape {
    /** Online shopping: evenings peak, weekends a little busier. */
    WEB(new double[] {2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 5, 5, 6, 7, 8, 9, 9, 8, 6, 4},
            new double[] {1.0, 0.95, 0.95, 1.0, 1.05, 1.25, 1.15}),
    /** Stores: open 9 to 21, Saturday is the big day, Sunday short. */
    STORE(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 8, 10, 9, 7, 7, 8, 9, 8, 6, 4, 0, 0, 0},
            new double[] {0.85, 0.85, 0.9, 0.95, 1.15, 1.6, 0.7}),
    /** Back office: working hours on weekdays, almost nothing at weekends. */
    OFFICE(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 4, 6, 6, 6, 3, 5, 6, 6, 5, 3, 1, 0, 0, 0, 0, 0},
            new double[] {1.1, 1.1, 1.1, 1.1, 1.0, 0.1, 0.05});

    private final double[] cumulative;
    private final double[] weekday;

    DayShape(double[] hourly, double[] weekday) {
        this.cumulative = new double[24];
        double total = 0;
        for (double w : hourly) {
            total += w;
        }
        double running = 0;
        for (int h = 0; h < 24; h++) {
            running += hourly[h] / total;
            cumulative[h] = running;
        }
        this.weekday = weekday;
    }

    /** The volume factor of a day of week (1 = Monday). */
    public double weekdayFactor(int isoDayOfWeek) {
        return weekday[isoDayOfWeek - 1];
    }

    /** A random second of the day following the hourly weights. */
    public int secondOfDay(Rng rng) {
        double u = rng.nextDouble();
        int hour = 0;
        while (hour < 23 && cumulative[hour] <= u) {
            hour++;
        }
        return hour * 3600 + rng.nextInt(3600);
    }
}
