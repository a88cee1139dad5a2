package io.cairn.datagen;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.shopify.ShopifyOrders;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * One large, defect-free Shopify orders JSONL file for the landing benchmark: the first tenant's orders, day
 * after day, until the file reaches the requested size. Streamed: memory does not grow with the file.
 */
public final class ShopifyOrdersFile {
    /** Days the order stream may run; far more than any benchmark file needs. */
    private static final int MAX_DAYS = 100_000;

    private ShopifyOrdersFile() {
    }

    /** Writes orders until the file holds at least {@code targetBytes}; returns the number of records written. */
    public static long write(Path file, long targetBytes, long seed) {
        TenantProfile profile = Tenants.profile(0);
        TenantContext ctx = TenantContext.create(profile, 0, seed, LocalDate.of(2024, 1, 1), MAX_DAYS,
                Tenants.scale(0));
        ShopifyOrders orders = new ShopifyOrders(ctx);
        long bytes = 0;
        long records = 0;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                Iterator<Slot> slots = orders.slots();
                while (bytes < targetBytes && slots.hasNext()) {
                    Slot slot = slots.next();
                    byte[] line = (Json.line(orders.render(slot, 0, slot.time())) + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(line);
                    bytes += line.length;
                    records++;
                }
            }
        } catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot write Shopify orders file %s: %s", file, e.getMessage());
        }
        return records;
    }
}
