package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.DailySlots;
import io.cairn.datagen.engine.DayShape;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.util.Iterator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Base of the QuickBooks transaction entities written day by day (invoices, sales receipts, purchases). */
abstract class QboTransactions implements RecordModel {
    protected final TenantContext ctx;
    private final StreamSpec spec;
    private final DayShape shape;
    private final double perDay;

    QboTransactions(TenantContext ctx, String stream, DayShape shape, double perDay) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.spec = spec(stream);
        this.shape = requireNonNull(shape, "shape is null");
        this.perDay = perDay;
    }

    static StreamSpec spec(String stream) {
        return new StreamSpec("quickbooks", stream, FileFormat.JSONL, List.of("Id"), "MetaData.LastUpdatedTime",
                "CurrencyRef.value", true, true);
    }

    @Override
    public StreamSpec spec() {
        return spec;
    }

    @Override
    public Iterator<Slot> slots() {
        return DailySlots.of(ctx.period(), shape, perDay, ctx.seed(), ctx.index(), Rng.key(spec.key()));
    }

    protected Rng rng(Slot slot, int purpose) {
        return ctx.rng(spec.key(), slot.index(), purpose);
    }
}
