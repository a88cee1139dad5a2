/** QuickBooks CSV exports (customers, products and services, sales receipts, invoices) read as API-shaped records. */
package io.cairn.connectors.qbocsv;
