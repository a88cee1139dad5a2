package io.cairn.datagen.quickbooks;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.Json;

import java.util.Map;

/** The envelope fields every QuickBooks Online entity carries, in the API's own names. */
final class QboJson {
    private QboJson() {
    }

    /** A new entity with domain, sparse, Id, SyncToken and MetaData{CreateTime, LastUpdatedTime}. */
    static Map<String, Object> entity(TenantContext ctx, String id, int version, long created, long updated) {
        return Json.obj("domain", "QBO", "sparse", false, "Id", id, "SyncToken", String.valueOf(version),
                "MetaData", Json.obj("CreateTime", ctx.period().offsetTime(created),
                        "LastUpdatedTime", ctx.period().offsetTime(updated)));
    }

    static Map<String, Object> ref(String value, String name) {
        return Json.obj("value", value, "name", name);
    }

    static Map<String, Object> ref(QboAccount account) {
        return ref(account.id(), account.name());
    }

    static Map<String, Object> currency(TenantContext ctx) {
        return ref(ctx.profile().currency(), ctx.locale().currencyName());
    }

    static String customerId(long index) {
        return String.valueOf(1 + index);
    }

    static String itemId(long index) {
        return String.valueOf(100 + index);
    }
}
