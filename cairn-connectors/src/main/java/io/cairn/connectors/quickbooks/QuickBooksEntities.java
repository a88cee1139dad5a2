package io.cairn.connectors.quickbooks;

import java.util.List;
import java.util.Optional;

import io.cairn.core.landing.StreamContracts;
import io.cairn.spi.source.StreamDescriptor;

/** The QuickBooks entities Cairn reads, each one stream named in snake_case plural. */
final class QuickBooksEntities {
    /**
     * @param nameList true for name-list entities, which hide inactive records unless asked
     *     {@code Active IN (true,false)}
     */
    record Entity(String name, String stream, boolean nameList) {}

    static final List<Entity> ALL = List.of(
            new Entity("Invoice", "invoices", false),
            new Entity("Payment", "payments", false),
            new Entity("Purchase", "purchases", false),
            new Entity("Bill", "bills", false),
            new Entity("BillPayment", "bill_payments", false),
            new Entity("SalesReceipt", "sales_receipts", false),
            new Entity("CreditMemo", "credit_memos", false),
            new Entity("RefundReceipt", "refund_receipts", false),
            new Entity("Account", "accounts", true),
            new Entity("Customer", "customers", true),
            new Entity("Vendor", "vendors", true),
            new Entity("Item", "items", true),
            new Entity("JournalEntry", "journal_entries", false),
            new Entity("Deposit", "deposits", false));

    private QuickBooksEntities() {}

    static Optional<Entity> byStream(String stream) {
        return ALL.stream().filter(entity -> entity.stream().equals(stream)).findFirst();
    }

    static List<StreamDescriptor> descriptors() {
        return ALL.stream().map(entity -> new StreamDescriptor(entity.stream(),
                StreamContracts.forStream(QuickBooksSourceFactory.TYPE, entity.stream()), true,
                entity.name() + " records by MetaData.LastUpdatedTime; deletes from the CDC endpoint as status "
                        + "Deleted")).toList();
    }
}
