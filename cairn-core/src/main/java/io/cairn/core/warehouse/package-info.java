/** Finding and opening the configured warehouse through {@code ServiceLoader}. */
package io.cairn.core.warehouse;
