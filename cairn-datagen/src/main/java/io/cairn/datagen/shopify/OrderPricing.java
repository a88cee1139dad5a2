package io.cairn.datagen.shopify;

import io.cairn.datagen.domain.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Shopify's order arithmetic: line totals, discount allocations per line, tax on the discounted line amount,
 * and the order totals derived from them (subtotal = line items - discounts; total = subtotal + shipping + tax).
 */
record OrderPricing(List<PricedLine> lines, BigDecimal lineItems, BigDecimal discounts, BigDecimal tax,
                    BigDecimal subtotal, BigDecimal total) {
    record PricedLine(OrderDraft.OrderLine line, BigDecimal amount, BigDecimal discount, BigDecimal tax) {
    }

    static OrderPricing of(OrderDraft draft, BigDecimal taxRate) {
        List<PricedLine> priced = new ArrayList<>();
        BigDecimal items = Money.ZERO;
        BigDecimal discounts = Money.ZERO;
        BigDecimal tax = Money.ZERO;
        BigDecimal fixedLeft = draft.discountFixed() == null ? Money.ZERO : draft.discountFixed();
        for (OrderDraft.OrderLine line : draft.lines()) {
            BigDecimal amount = Money.times(line.variant().price(), line.quantity());
            BigDecimal discount = Money.ZERO;
            if (draft.discountPercent() != null) {
                discount = Money.round(amount.multiply(draft.discountPercent()));
            } else if (fixedLeft.signum() > 0) {
                discount = fixedLeft.min(amount);
                fixedLeft = fixedLeft.subtract(discount);
            }
            BigDecimal lineTax = Money.round(amount.subtract(discount).multiply(taxRate));
            priced.add(new PricedLine(line, amount, discount, lineTax));
            items = items.add(amount);
            discounts = discounts.add(discount);
            tax = tax.add(lineTax);
        }
        BigDecimal subtotal = items.subtract(discounts);
        return new OrderPricing(priced, items, discounts, tax, subtotal, subtotal.add(draft.shipping()).add(tax));
    }

    long units() {
        return lines.stream().mapToLong(l -> l.line().quantity()).sum();
    }
}
