package io.cairn.connectors.qbocsv;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.connectors.common.Json;

/**
 * How QuickBooks Online's CSV exports map to the records its API returns, so downstream models read one shape.
 * Exports carry no internal ids or change times: the id is the export's natural key (the customer's or item's
 * name, the document number) prefixed {@code csv-}, and {@code MetaData.LastUpdatedTime} is the file's
 * modification time. Transaction exports have one row per line; rows sharing a document number become one
 * document with its {@code Line} array and {@code TotalAmt}.
 */
final class QuickBooksCsvExports {
    /**
     * One export kind: the stream it lands in, the header that identifies it, its key column.
     *
     * @param signature columns every export of this kind has
     */
    record Kind(String stream, List<String> signature, String key) {}

    static final List<Kind> KINDS = List.of(
            new Kind("customers", List.of("Customer", "Email"), "Customer"),
            new Kind("items", List.of("Product/Service Name", "Type"), "Product/Service Name"),
            new Kind("sales_receipts", List.of("Sales Receipt No", "Customer", "Sales Receipt Date"),
                    "Sales Receipt No"),
            new Kind("invoices", List.of("Invoice No", "Customer", "Invoice Date"), "Invoice No"));
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private QuickBooksCsvExports() {}

    static Optional<Kind> kindOf(List<String> header) {
        return KINDS.stream().filter(kind -> header.containsAll(kind.signature())).findFirst();
    }

    /** The records of one export: one per customer or item, one per document for transactions. */
    static List<ObjectNode> records(Kind kind, List<Map<String, String>> rows, Instant modified) {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String key = row.getOrDefault(kind.key(), "").strip();
            if (key.isEmpty()) {
                continue;
            }
            ObjectNode record = records.computeIfAbsent(key, k -> header(kind, row, k, modified));
            if (kind.stream().equals("sales_receipts") || kind.stream().equals("invoices")) {
                addLine(record, row);
            }
        }
        return List.copyOf(records.values());
    }

    private static ObjectNode header(Kind kind, Map<String, String> row, String key, Instant modified) {
        ObjectNode record = Json.object().put("Id", "csv-" + key);
        switch (kind.stream()) {
            case "customers" -> {
                record.put("DisplayName", key).put("Active", true);
                text(record, "CompanyName", row.get("Company"));
                if (present(row.get("Email"))) {
                    record.putObject("PrimaryEmailAddr").put("Address", row.get("Email").strip());
                }
                if (present(row.get("Phone"))) {
                    record.putObject("PrimaryPhone").put("FreeFormNumber", row.get("Phone").strip());
                }
                ObjectNode address = Json.object();
                text(address, "Line1", row.get("Street"));
                text(address, "City", row.get("City"));
                text(address, "CountrySubDivisionCode", row.get("State"));
                text(address, "PostalCode", row.get("Zip"));
                text(address, "Country", row.get("Country"));
                if (!address.isEmpty()) {
                    record.set("BillAddr", address);
                }
                amount(record, "Balance", row.get("Open Balance"));
                currency(record, row);
            }
            case "items" -> {
                record.put("Name", key).put("FullyQualifiedName", key).put("Active", true);
                text(record, "Sku", row.get("SKU"));
                text(record, "Type", row.get("Type"));
                text(record, "Description", row.get("Sales Description"));
                amount(record, "UnitPrice", row.get("Sales Price / Rate"));
                amount(record, "PurchaseCost", row.get("Purchase Cost"));
                amount(record, "QtyOnHand", row.get("Quantity On Hand"));
                if (present(row.get("Taxable"))) {
                    record.put("Taxable", row.get("Taxable").strip().equalsIgnoreCase("yes"));
                }
                ref(record, "IncomeAccountRef", row.get("Income Account"));
                ref(record, "ExpenseAccountRef", row.get("Expense Account"));
            }
            default -> {
                boolean invoice = kind.stream().equals("invoices");
                record.put("DocNumber", key).put("TxnDate", date(row.get(invoice ? "Invoice Date" : "Sales Receipt Date")));
                ref(record, "CustomerRef", row.get("Customer"));
                if (invoice && present(row.get("Due Date"))) {
                    record.put("DueDate", date(row.get("Due Date")));
                }
                text(record, "PrivateNote", row.get("Memo"));
                if (!invoice) {
                    ref(record, "PaymentMethodRef", row.get("Payment Method"));
                    ref(record, "DepositToAccountRef", row.get("Deposit To"));
                }
                currency(record, row);
                record.put("TotalAmt", BigDecimal.ZERO);
                record.putArray("Line");
            }
        }
        record.putObject("MetaData").put("CreateTime", modified.toString()).put("LastUpdatedTime", modified.toString());
        return record;
    }

    private static void addLine(ObjectNode record, Map<String, String> row) {
        ArrayNode lines = (ArrayNode) record.get("Line");
        BigDecimal amount = decimal(row.get("Item Amount"));
        ObjectNode line = lines.addObject().put("Id", Integer.toString(lines.size() + 1))
                .put("LineNum", lines.size() + 1).put("DetailType", "SalesItemLineDetail");
        text(line, "Description", row.get("Item Description"));
        line.put("Amount", amount);
        ObjectNode detail = line.putObject("SalesItemLineDetail");
        ref(detail, "ItemRef", row.get("Product/Service"));
        amount(detail, "Qty", row.get("Item Quantity"));
        amount(detail, "UnitPrice", row.get("Item Rate"));
        if (present(row.get("Taxable"))) {
            ref(detail, "TaxCodeRef", row.get("Taxable").strip().equalsIgnoreCase("yes") ? "TAX" : "NON");
        }
        record.put("TotalAmt", record.get("TotalAmt").decimalValue().add(amount));
    }

    private static void currency(ObjectNode record, Map<String, String> row) {
        if (present(row.get("Currency"))) {
            record.putObject("CurrencyRef").put("value", row.get("Currency").strip());
        }
    }

    private static void ref(ObjectNode record, String field, String name) {
        if (present(name)) {
            record.putObject(field).put("name", name.strip());
        }
    }

    private static void text(ObjectNode record, String field, String value) {
        if (present(value)) {
            record.put(field, value.strip());
        }
    }

    private static void amount(ObjectNode record, String field, String value) {
        if (present(value)) {
            record.put(field, decimal(value));
        }
    }

    /** {@code 1,234.50}, {@code $12.00}, {@code (5.00)} as QuickBooks writes amounts. */
    static BigDecimal decimal(String value) {
        if (!present(value)) {
            return BigDecimal.ZERO;
        }
        String text = value.strip().replace(",", "").replace("$", "");
        boolean negative = text.startsWith("(") && text.endsWith(")");
        BigDecimal number = new BigDecimal(negative ? text.substring(1, text.length() - 1) : text);
        return negative ? number.negate() : number;
    }

    /** QuickBooks US exports write {@code MM/DD/YYYY}; ISO dates are accepted too. */
    static String date(String value) {
        if (!present(value)) {
            return null;
        }
        String text = value.strip();
        return text.contains("/") ? LocalDate.parse(text, US_DATE).toString() : LocalDate.parse(text).toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
