package io.cairn.datagen.truth;

import io.cairn.datagen.TenantProfile;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.datagen.engine.StreamStats;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The ground truth of one tenant, filled by the streams while they write. */
public final class TruthBook {
    private final TenantProfile profile;
    private final SalesLedger sales = new SalesLedger();
    private final ExpenseLedger expenses = new ExpenseLedger();
    private final Map<String, StreamStats> streams = new LinkedHashMap<>();
    private final Map<String, StreamSpec> specs = new LinkedHashMap<>();

    public TruthBook(TenantProfile profile) {
        this.profile = requireNonNull(profile, "profile is null");
    }

    public TenantProfile profile() {
        return profile;
    }

    public SalesLedger sales() {
        return sales;
    }

    public ExpenseLedger expenses() {
        return expenses;
    }

    public void stream(StreamSpec spec, StreamStats stats) {
        streams.put(spec.key(), requireNonNull(stats, "stats is null"));
        specs.put(spec.key(), spec);
    }

    public Map<String, StreamStats> streams() {
        return streams;
    }

    public Map<String, StreamSpec> specs() {
        return specs;
    }
}
