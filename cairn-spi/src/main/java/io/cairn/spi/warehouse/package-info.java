/** The warehouse extension point: {@code WarehouseFactory} found with {@code ServiceLoader}, {@code Warehouse}, {@code Dialect}, {@code TenantScope}. */
package io.cairn.spi.warehouse;
