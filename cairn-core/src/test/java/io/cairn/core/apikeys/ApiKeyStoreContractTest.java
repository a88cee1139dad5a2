package io.cairn.core.apikeys;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API key store's contract; {@link H2ApiKeyStoreTest} and {@link PostgresApiKeyStoreTest} run it. */
abstract class ApiKeyStoreContractTest {
    private static final TenantId ACME = TenantId.of("acme");

    ControlPlaneSettings database;
    ControlPlane controlPlane;
    ApiKeyStore keys;

    protected abstract ControlPlaneSettings newDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = newDatabase();
        controlPlane = ControlPlane.open(database, MasterKeys.of(MasterKeys.generate()));
        controlPlane.tenants().upsert(new Tenant(ACME, "Acme", Tenancy.SHARED, ZoneId.of("UTC"), "USD", null));
        keys = controlPlane.apiKeys();
    }

    @AfterEach
    void close() {
        controlPlane.close();
    }

    @Test
    void onlyTheHashOfASecretIsStoredAndItAuthenticatesTheKey() throws Exception {
        NewApiKey created = keys.create(Role.ANALYST, ACME, "bi", null);

        assertThat(created.secret()).startsWith(created.key().prefix() + "_");
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(keys.authenticate(created.secret())).contains(created.key());
        assertThat(storedColumns()).noneMatch(value -> value.contains(created.secret().substring(12)));
        String forged = created.secret().substring(0, 12) + "A".repeat(43);
        assertThat(keys.authenticate(forged)).isEmpty();
        assertThat(keys.authenticate("ck_short")).isEmpty();
        assertThat(keys.authenticate("' OR '1'='1")).isEmpty();
    }

    @Test
    void revokedAndExpiredKeysNoLongerAuthenticate() {
        NewApiKey revoked = keys.create(Role.TENANT_ADMIN, ACME, null, null);
        NewApiKey expired = keys.create(Role.ANALYST, ACME, null, Instant.now().minusSeconds(5));
        NewApiKey admin = keys.create(Role.ADMIN, null, "ops", Instant.now().plusSeconds(3600));

        assertThat(keys.revoke(revoked.key().prefix())).isTrue();
        assertThat(keys.revoke(revoked.key().prefix())).as("already revoked").isFalse();

        assertThat(keys.authenticate(revoked.secret())).isEmpty();
        assertThat(keys.authenticate(expired.secret())).isEmpty();
        assertThat(keys.authenticate(admin.secret())).isPresent();
        assertThat(keys.list(ACME)).hasSize(2);
        assertThat(keys.list(null)).hasSize(3);
    }

    @Test
    void adminKeysHaveNoTenantAndTenantKeysHaveOne() {
        assertThatThrownBy(() -> keys.create(Role.ADMIN, ACME, null, null)).hasMessageContaining("no tenant");
        assertThatThrownBy(() -> keys.create(Role.ANALYST, null, null, null)).hasMessageContaining("needs a tenant");
    }

    @Test
    void offboardingATenantRemovesItsKeys() {
        NewApiKey key = keys.create(Role.ANALYST, ACME, null, null);

        controlPlane.tenants().remove(ACME);

        assertThat(keys.authenticate(key.secret())).isEmpty();
        assertThat(keys.list(null)).isEmpty();
    }

    private List<String> storedColumns() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM api_keys")) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.add(String.valueOf(rows.getObject(i)));
                }
            }
        }
        return values;
    }
}
