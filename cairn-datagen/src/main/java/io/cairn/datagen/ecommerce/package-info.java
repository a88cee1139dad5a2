/** Marketplace order exports delivered as JSON arrays. */
package io.cairn.datagen.ecommerce;
