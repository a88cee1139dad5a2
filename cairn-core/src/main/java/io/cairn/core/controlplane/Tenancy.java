package io.cairn.core.controlplane;

import java.util.Locale;
import java.util.Optional;

/** How a tenant's data is laid out in the warehouse: in shared tables keyed by tenant, or in schemas of its own. */
public enum Tenancy {
    SHARED,
    DEDICATED;

    /** The lower-case name used in configuration files and the control plane: {@code shared}, {@code dedicated}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tenancy named {@code id} ({@code shared} or {@code dedicated}), if any. */
    public static Optional<Tenancy> fromId(String id) {
        for (Tenancy tenancy : values()) {
            if (tenancy.id().equals(id)) {
                return Optional.of(tenancy);
            }
        }
        return Optional.empty();
    }
}
