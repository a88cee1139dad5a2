/** QuickBooks Online streams: accounts, customers, items, invoices, payments, purchases, sales receipts. */
package io.cairn.datagen.quickbooks;
