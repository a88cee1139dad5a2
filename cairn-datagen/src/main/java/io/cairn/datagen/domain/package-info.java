/** The shared tenant world: catalog, customers, stores, locale and money helpers. */
package io.cairn.datagen.domain;
