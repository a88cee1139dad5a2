package io.cairn.datagen.domain;

import static java.util.Objects.requireNonNull;

/** A city with its province (state, county, Land) and the first characters of its postal codes. */
public record City(String name, String province, String provinceCode, String zipPrefix) {
    public City {
        requireNonNull(name, "name is null");
        requireNonNull(province, "province is null");
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(zipPrefix, "zipPrefix is null");
    }
}
