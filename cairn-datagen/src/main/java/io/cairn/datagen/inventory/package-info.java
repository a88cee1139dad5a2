/** Daily inventory snapshots per location and SKU, delivered as CSV. */
package io.cairn.datagen.inventory;
