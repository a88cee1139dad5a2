/** Shopify- and QuickBooks-compatible mock APIs on loopback, with injectable faults, for tests and the demo. */
package io.cairn.datagen.mock;
