package io.cairn.datagen.domain;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Country conventions of a tenant: addresses, sales tax and the name QuickBooks gives its currency. */
public record TenantLocale(
        String countryCode,
        String countryName,
        String currencyName,
        String taxTitle,
        BigDecimal taxRate,
        String phonePrefix,
        List<City> cities) {
    public TenantLocale {
        requireNonNull(countryCode, "countryCode is null");
        requireNonNull(taxRate, "taxRate is null");
        cities = List.copyOf(requireNonNull(cities, "cities is null"));
    }

    /** The locale that goes with a reporting currency; unknown currencies get the US one. */
    public static TenantLocale forCurrency(String currency) {
        return switch (currency) {
            case "EUR" -> new TenantLocale("DE", "Germany", "Euro", "MwSt", new BigDecimal("0.19"), "+49 30 ",
                    List.of(new City("Berlin", "Berlin", "BE", "10"), new City("Hamburg", "Hamburg", "HH", "20"),
                            new City("Munich", "Bavaria", "BY", "80"), new City("Cologne", "North Rhine-Westphalia",
                                    "NW", "50")));
            case "GBP" -> new TenantLocale("GB", "United Kingdom", "British Pound Sterling", "VAT",
                    new BigDecimal("0.20"), "+44 20 ", List.of(new City("London", "England", "ENG", "SW1"),
                    new City("Manchester", "England", "ENG", "M1"), new City("Leeds", "England", "ENG", "LS1"),
                    new City("Glasgow", "Scotland", "SCT", "G1")));
            case "CAD" -> new TenantLocale("CA", "Canada", "Canadian Dollar", "HST", new BigDecimal("0.13"),
                    "+1 416 ", List.of(new City("Toronto", "Ontario", "ON", "M5V"),
                    new City("Ottawa", "Ontario", "ON", "K1P"), new City("Hamilton", "Ontario", "ON", "L8P")));
            case "AUD" -> new TenantLocale("AU", "Australia", "Australian Dollar", "GST", new BigDecimal("0.10"),
                    "+61 2 ", List.of(new City("Sydney", "New South Wales", "NSW", "20"),
                    new City("Melbourne", "Victoria", "VIC", "30"), new City("Brisbane", "Queensland", "QLD", "40")));
            default -> new TenantLocale("US", "United States", "United States Dollar", "State Tax",
                    new BigDecimal("0.07"), "555-", List.of(new City("Louisville", "Kentucky", "KY", "402"),
                    new City("Columbus", "Ohio", "OH", "432"), new City("Denver", "Colorado", "CO", "802"),
                    new City("Portland", "Oregon", "OR", "972")));
        };
    }
}
