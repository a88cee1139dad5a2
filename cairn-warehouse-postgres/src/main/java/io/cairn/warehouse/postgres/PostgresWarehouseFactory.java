package io.cairn.warehouse.postgres;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseFactory;
import io.cairn.spi.warehouse.WarehouseSettings;

/**
 * Opens PostgreSQL warehouses. Options: {@code url} (required, {@code jdbc:postgresql://...}), {@code user},
 * {@code password}, {@code schema} (first entry of every connection's {@code search_path}) and {@code pool_size}
 * (idle connections kept, default 4).
 */
public final class PostgresWarehouseFactory implements WarehouseFactory {
    public static final String TYPE = "postgres";
    private static final int DEFAULT_POOL_SIZE = 4;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Warehouse open(WarehouseSettings settings) {
        String url = settings.option("url").filter(value -> !value.isBlank()).orElseThrow(() -> new CairnException(
                ErrorCode.CONFIG, "Cannot open PostgreSQL warehouse: option warehouse.url is missing "
                        + "(e.g. jdbc:postgresql://127.0.0.1:5432/cairn)"));
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new CairnException(ErrorCode.CONFIG,
                    "Cannot open PostgreSQL warehouse: warehouse.url must start with jdbc:postgresql:, got %s", url);
        }
        int poolSize = settings.option("pool_size").map(value -> parsePoolSize(value)).orElse(DEFAULT_POOL_SIZE);
        return PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(url,
                settings.option("user").orElse(null), settings.option("password").orElse(null),
                settings.option("schema").orElse(null), poolSize));
    }

    private static int parsePoolSize(String value) {
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 0) {
                return size;
            }
        }
        catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new CairnException(ErrorCode.CONFIG,
                "Cannot open PostgreSQL warehouse: warehouse.pool_size must be a whole number >= 0, got '%s'", value);
    }
}
