package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;

import static java.util.Objects.requireNonNull;

/** Base of the QuickBooks list entities (accounts, customers, items): all created before the period. */
abstract class QboDimension implements RecordModel {
    protected final TenantContext ctx;
    private final StreamSpec spec;

    QboDimension(TenantContext ctx, String stream, boolean hasCurrency) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.spec = new StreamSpec("quickbooks", stream, FileFormat.JSONL, List.of("Id"),
                "MetaData.LastUpdatedTime", hasCurrency ? "CurrencyRef.value" : null, false, true);
    }

    @Override
    public StreamSpec spec() {
        return spec;
    }

    abstract int count();

    @Override
    public Iterator<Slot> slots() {
        return LongStream.range(0, count()).mapToObj(i -> {
            var rng = ctx.rng(spec.key(), i, 99);
            return new Slot(i, ctx.period().at(-rng.between(20, 600), rng.between(8 * 3600, 18 * 3600)), 0);
        }).iterator();
    }
}
