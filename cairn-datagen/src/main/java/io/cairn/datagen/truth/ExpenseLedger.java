package io.cairn.datagen.truth;

import io.cairn.datagen.domain.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Expenses per (month, expense account) from the final version of every QuickBooks purchase line. */
public final class ExpenseLedger {
    private final Map<String, BigDecimal> amounts = new TreeMap<>();

    public void expense(String month, String account, BigDecimal amount) {
        amounts.merge(month + "\u0000" + account, amount, BigDecimal::add);
    }

    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        amounts.forEach((key, amount) -> {
            String[] parts = key.split("\u0000", 2);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", parts[0]);
            row.put("account", parts[1]);
            row.put("amount", Money.text(amount));
            out.add(row);
        });
        return out;
    }
}
