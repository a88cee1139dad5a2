package io.cairn.datagen.truth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rules behind every number of a truth file, in words; written into the file as {@code definitions}. */
final class Definitions {
    private Definitions() {
    }

    static Map<String, Object> all() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("records_written", "Non-blank JSONL lines, JSON array elements or CSV data rows (header excluded) "
                + "in all data files of the stream, defects included.");
        d.put("expected_landed", "Distinct record versions: distinct (id, exact content) among well-formed records "
                + "that have an id. Equals records_written - expected_duplicates - expected_dead_letter.");
        d.put("expected_duplicates", "Lines that repeat, byte for byte, a record version written before (exact "
                + "duplicates).");
        d.put("expected_dead_letter", "Malformed lines plus records without an id (JSON: id field absent; CSV: id "
                + "column empty). Both are extra copies of records that are also written intact, so they never "
                + "change the business truth.");
        d.put("expected_warn", "Landed record versions whose currency field holds a code that is not ISO 4217.");
        d.put("distinct_ids", "Distinct record ids in the stream (a compound id joins its fields).");
        d.put("id_fields", "Record id: shopify id (inventory_levels: inventory_item_id + location_id); quickbooks "
                + "Id; pos transaction_id; ecommerce order_id; crm customer_id; inventory snapshot_date + "
                + "location_id + sku.");
        d.put("exact_duplicates", "About 1 % of transactional records are written a second time, half later in "
                + "the same file and half in the next file (CSV: always the same file).");
        d.put("updated_versions", "About 3 % of records get one later version: same id, later change time, changed "
                + "content (an order may be cancelled, edited or fulfilled; a purchase amount corrected), "
                + "written in a later file than the original.");
        d.put("late_records", "About 2 % of transactional records are written only in a later file than the one "
                + "covering their creation date, at least two days after it.");
        d.put("malformed_lines", "About 0.5 % extra lines: JSONL truncated so that it is not valid JSON; CSV with "
                + "one field too many. JSON array files never get this defect.");
        d.put("missing_id", "About 0.3 % extra copies of a record without its id.");
        d.put("unknown_currency", "About 0.5 % of records with a currency field carry a non-ISO code (ZZZ, QQQ, XBT, "
                + "US$) in every version; counted per landed version.");
        d.put("files", "One data file per 7-day chunk of the period for transactional streams; dimension streams "
                + "only get files for chunks that have records. Files are numbered 001, 002... in time order.");
        d.putAll(sales());
        d.put("expenses_by_month", "QuickBooks purchases, final version of each: sum of the Amount of every "
                + "AccountBasedExpenseLineDetail line per (YYYY-MM of TxnDate, expense account name), in the "
                + "tenant's currency; purchases carrying an unknown currency code are included.");
        return d;
    }

    private static Map<String, Object> sales() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sales_by_day", "One row per (date, source_system, currency), from the FINAL version of every "
                + "record (latest change time). Cancelled records are excluded: shopify orders with cancelled_at "
                + "set, ecommerce orders with status cancelled, pos transactions with status voided.");
        d.put("sales_by_day.date", "The creation date in the tenant's time zone: shopify created_at, ecommerce "
                + "created_at (written in UTC), pos occurred_at, quickbooks TxnDate. Refunds use the refund's own "
                + "created_at date.");
        d.put("sales_by_day.source_system", "shopify (orders), ecommerce (orders), pos (transactions), quickbooks "
                + "(sales_receipts only).");
        d.put("sales_by_day.currency", "The record's currency field as written, unknown codes included; a refund "
                + "takes its order's currency.");
        d.put("sales_by_day.orders", "Number of records that are not cancelled.");
        d.put("sales_by_day.units", "Sum of line quantities (shopify line_items.quantity, ecommerce and pos "
                + "items.quantity, quickbooks SalesItemLineDetail.Qty).");
        d.put("sales_by_day.gross", "Sum of quantity * unit price over lines (shopify line_items price, ecommerce "
                + "and pos items.unit_price, quickbooks SalesItemLineDetail.UnitPrice).");
        d.put("sales_by_day.discounts", "Order-level discounts: shopify total_discounts, ecommerce amounts.discount, "
                + "pos sum of items.discount, quickbooks 0.");
        d.put("sales_by_day.taxes", "shopify total_tax, ecommerce amounts.tax, pos sum of items.tax, quickbooks "
                + "TxnTaxDetail.TotalTax.");
        d.put("sales_by_day.refunds", "shopify refunds: sum of refund_line_items.subtotal, attributed to the "
                + "refund's date; other sources have no refunds. Cancelled orders get no refunds.");
        d.put("sales_by_day.net", "gross - discounts - refunds. Shipping is not part of any column.");
        d.put("amounts", "Decimal strings with two decimals.");
        return d;
    }
}
