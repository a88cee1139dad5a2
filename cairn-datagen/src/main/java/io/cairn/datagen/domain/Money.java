package io.cairn.datagen.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts with two decimals, rounded half-even like most ledgers. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal times(BigDecimal price, long quantity) {
        return round(price.multiply(BigDecimal.valueOf(quantity)));
    }

    /** The amount as Shopify writes it: a string with two decimals. */
    public static String text(BigDecimal amount) {
        return round(amount).toPlainString();
    }

    public static BigDecimal parse(Object value) {
        return value == null ? ZERO : round(new BigDecimal(value.toString()));
    }
}
