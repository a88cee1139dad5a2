package io.cairn.core.apikeys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do: everything ({@code admin}, platform keys only), or on its own tenant. */
public enum Role {
    /** The platform operator: every tenant, onboarding and offboarding, keys of any tenant. */
    ADMIN,
    /** A tenant's administrator: its sources, credentials, runs and schedules, and everything an analyst reads. */
    TENANT_ADMIN,
    /** Reads its tenant's data and runs; changes nothing. */
    ANALYST;

    /** The lower-case name used in the API, the CLI and the control plane. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
    }
}
