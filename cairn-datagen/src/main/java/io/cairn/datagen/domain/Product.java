package io.cairn.datagen.domain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A product of the tenant's catalog with its variants. */
public record Product(
        int index,
        long id,
        String title,
        String handle,
        String productType,
        String vendor,
        String tags,
        long createdAt,
        List<Variant> variants) {
    public Product {
        requireNonNull(title, "title is null");
        variants = List.copyOf(requireNonNull(variants, "variants is null"));
    }
}
