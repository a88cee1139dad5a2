package io.cairn.datagen.domain;

import static java.util.Objects.requireNonNull;

/** A customer of a tenant, shared by every source so that identity resolution has something to resolve. */
public record Person(
        long index,
        String firstName,
        String lastName,
        String email,
        String phone,
        String address1,
        City city,
        String zip,
        boolean acceptsMarketing,
        long createdAt) {
    public Person {
        requireNonNull(firstName, "firstName is null");
        requireNonNull(lastName, "lastName is null");
        requireNonNull(email, "email is null");
        requireNonNull(city, "city is null");
    }

    public String name() {
        return firstName + " " + lastName;
    }
}
