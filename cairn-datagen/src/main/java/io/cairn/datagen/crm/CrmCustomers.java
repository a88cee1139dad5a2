package io.cairn.datagen.crm;

import io.cairn.datagen.domain.Person;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Period;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.Rng;
import io.cairn.datagen.engine.Slot;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.spi.raw.FileFormat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * crm/customers: a CRM export of the same people Shopify knows, with their own ids, local naive timestamps and
 * a few e-mails in capitals. Columns the tenant added to its CRM appear, unannounced, from the third file on.
 */
public final class CrmCustomers implements RecordModel {
    public static final StreamSpec SPEC = new StreamSpec("crm", "customers", FileFormat.CSV, List.of("customer_id"),
            "updated_at", null, false, true);
    static final List<String> BASE = List.of("customer_id", "first_name", "last_name", "email", "phone",
            "address_line1", "city", "state", "postal_code", "country", "created_at", "updated_at");
    private static final List<List<String>> EXTRAS = List.of(List.of("loyalty_tier", "newsletter_opt_in"),
            List.of("preferred_store", "newsletter_opt_in"), List.of("loyalty_tier", "birth_month"));
    private static final String[] TIERS = {"bronze", "silver", "gold"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private final TenantContext ctx;

    public CrmCustomers(TenantContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx is null");
    }

    @Override
    public StreamSpec spec() {
        return SPEC;
    }

    /** The chunk from which the tenant's extra columns are exported. */
    public static int firstChunkWithExtras(Period period) {
        return Math.min(2, period.chunks() - 1);
    }

    @Override
    public List<String> columns(int chunk) {
        List<String> columns = new ArrayList<>(BASE);
        if (chunk >= firstChunkWithExtras(ctx.period())) {
            columns.addAll(EXTRAS.get(ctx.index() % EXTRAS.size()));
        }
        return columns;
    }

    @Override
    public Iterator<Slot> slots() {
        return ctx.customers().slots();
    }

    @Override
    public Map<String, Object> render(Slot slot, int version, long versionTime) {
        Person p = ctx.customers().person(slot.index());
        Rng rng = ctx.rng(SPEC.key(), slot.index(), 0);
        String email = rng.chance(0.1) ? p.email().toUpperCase(Locale.ROOT) : p.email();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer_id", String.format(Locale.ROOT, "C%07d", slot.index() + 1));
        row.put("first_name", p.firstName());
        row.put("last_name", p.lastName());
        row.put("email", email);
        row.put("phone", version == 0 ? p.phone().replace("-", " ") : p.phone());
        row.put("address_line1", p.address1());
        row.put("city", p.city().name());
        row.put("state", p.city().provinceCode());
        row.put("postal_code", p.zip());
        row.put("country", ctx.locale().countryCode());
        row.put("created_at", local(p.createdAt()));
        row.put("updated_at", local(versionTime));
        int tier = rng.nextInt(TIERS.length);
        row.put("loyalty_tier", TIERS[version == 0 ? tier : Math.min(TIERS.length - 1, tier + 1)]);
        row.put("newsletter_opt_in", p.acceptsMarketing());
        row.put("preferred_store", ctx.shops().get(rng.nextInt(ctx.shops().size())).code());
        row.put("birth_month", 1 + rng.nextInt(12));
        return row;
    }

    private String local(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ctx.period().zone()).format(LOCAL);
    }
}
