/** Shopify Admin REST streams: orders, refunds, customers, products and inventory levels. */
package io.cairn.datagen.shopify;
