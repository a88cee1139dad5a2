package io.cairn.datagen.truth;

import io.cairn.datagen.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** Sales per (local date, source system, currency), built from the final version of every sale and refund. */
public final class SalesLedger {
    private record Key(String date, String source, String currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = date.compareTo(o.date);
            c = c != 0 ? c : source.compareTo(o.source);
            return c != 0 ? c : currency.compareTo(o.currency);
        }
    }

    private static final class Totals {
        long orders;
        long units;
        BigDecimal gross = Money.ZERO;
        BigDecimal discounts = Money.ZERO;
        BigDecimal taxes = Money.ZERO;
        BigDecimal refunds = Money.ZERO;
    }

    private final Map<Key, Totals> rows = new TreeMap<>();

    /** One sale that is not cancelled in its final version. */
    public void sale(LocalDate date, String source, String currency, long units, BigDecimal gross,
                     BigDecimal discounts, BigDecimal taxes) {
        Totals t = totals(date, source, currency);
        t.orders++;
        t.units += units;
        t.gross = t.gross.add(gross);
        t.discounts = t.discounts.add(discounts);
        t.taxes = t.taxes.add(taxes);
    }

    /** A refund, on the refund's own date. */
    public void refund(LocalDate date, String source, String currency, BigDecimal amount) {
        Totals t = totals(date, source, currency);
        t.refunds = t.refunds.add(amount);
    }

    private Totals totals(LocalDate date, String source, String currency) {
        requireNonNull(date, "date is null");
        return rows.computeIfAbsent(new Key(date.toString(), source, String.valueOf(currency)), k -> new Totals());
    }

    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        rows.forEach((key, t) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", key.date());
            row.put("source_system", key.source());
            row.put("currency", key.currency());
            row.put("orders", t.orders);
            row.put("units", t.units);
            row.put("gross", Money.text(t.gross));
            row.put("discounts", Money.text(t.discounts));
            row.put("taxes", Money.text(t.taxes));
            row.put("refunds", Money.text(t.refunds));
            row.put("net", Money.text(t.gross.subtract(t.discounts).subtract(t.refunds)));
            out.add(row);
        });
        return out;
    }
}
