package io.cairn.datagen;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What to generate: how many tenants, how many days from which start date, and the seed that fixes every byte.
 */
public record GeneratorOptions(int tenants, int days, long seed, LocalDate startDate) {
    public GeneratorOptions {
        requireNonNull(startDate, "startDate is null");
        if (tenants < 1 || tenants > 999) {
            throw new IllegalArgumentException("tenants must be between 1 and 999: " + tenants);
        }
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("days must be between 1 and 3660: " + days);
        }
    }

    /** The demo: 3 tenants, 30 days from 2024-01-01, seed 42. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(3, 30, 42, LocalDate.of(2024, 1, 1));
    }
}
