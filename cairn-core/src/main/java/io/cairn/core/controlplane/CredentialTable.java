package io.cairn.core.controlplane;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.config.Secrets;
import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.Sealed;
import io.cairn.core.credentials.SecretCipher;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.CredentialStore;

import static java.util.Objects.requireNonNull;

/**
 * The {@code credentials} table: a persistent, encrypted {@link CredentialStore}. Values are sealed with AES-GCM
 * bound to their (tenant, source, key); {@link #compareAndSet} is atomic across processes (a conditional update on
 * the row's nonce, or an insert that loses to a concurrent one). Configured secret options live under
 * {@code option.<name>}; {@link #resolve} puts them back into a source's options for its connector.
 */
public final class CredentialTable implements CredentialStore {
    /** The prefix of configured secret options' keys. */
    public static final String OPTION_PREFIX = "option.";
    /** Set by connectors when the source refused the stored grant. */
    public static final String NEEDS_REAUTHORISATION = "needs_reauthorisation";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialTable.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private record Row(String key, Sealed sealed) {}

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecretCipher cipher;

    CredentialTable(Jdbc jdbc, Clock clock, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> get(TenantId tenant, String source, String key) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.call(describe("read", tenant, source, key), connection -> read(connection, tenant, source, key))
                .map(row -> cipher.open(address(tenant, source, key), row.sealed()));
    }

    @Override
    public boolean compareAndSet(TenantId tenant, String source, String key, String expected, String value) {
        requireNonNull(tenant, "tenant is null");
        return jdbc.call(describe("replace", tenant, source, key), connection -> {
            Optional<Row> row = read(connection, tenant, source, key);
            String stored = row.map(r -> cipher.open(address(tenant, source, key), r.sealed())).orElse(null);
            if (!Objects.equals(stored, expected)) {
                return false;
            }
            if (row.isEmpty()) {
                return value == null || insert(connection, tenant, source, key, value);
            }
            String nonce = row.get().sealed().nonce();
            if (value == null) {
                return Sql.update(connection, "DELETE FROM credentials WHERE tenant_id = ? AND source_name = ? "
                        + "AND credential_key = ? AND nonce = ?", tenant, source, key, nonce) == 1;
            }
            Sealed sealed = cipher.seal(address(tenant, source, key), value);
            return Sql.update(connection, "UPDATE credentials SET key_id = ?, nonce = ?, ciphertext = ?, "
                    + "updated_at = ? WHERE tenant_id = ? AND source_name = ? AND credential_key = ? AND nonce = ?",
                    sealed.keyId(), sealed.nonce(), sealed.ciphertext(), clock.instant(), tenant, source, key,
                    nonce) == 1;
        });
    }

    /** The names of a source's stored credentials (never their values), sorted. */
    public List<String> keys(TenantId tenant, String source) {
        return jdbc.call("list credentials of source " + source + " of tenant " + tenant, connection ->
                Sql.query(connection, "SELECT credential_key FROM credentials WHERE tenant_id = ? AND source_name = ? "
                        + "ORDER BY credential_key", row -> row.getString(1), tenant, source));
    }

    /** Why the source needs re-authorisation, when a connector said so. */
    public Optional<String> needsReauthorisation(TenantId tenant, String source) {
        return get(tenant, source, NEEDS_REAUTHORISATION);
    }

    /** The source's options with every masked secret replaced by its decrypted value from this store. */
    public Map<String, String> resolve(SourceDefinition source) {
        Map<String, String> options = new TreeMap<>(source.options());
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (Secrets.isSecret(option.getKey()) && Secrets.MASK.equals(option.getValue())) {
                option.setValue(get(source.tenant(), source.name(), OPTION_PREFIX + option.getKey()).orElseThrow(() ->
                        new CairnException(ErrorCode.CONFIG, "Cannot read secret option %s of tenant %s source %s: "
                                + "it is not in the credential store; set it again in tenants.yml", option.getKey(),
                                source.tenant(), source.name())));
            }
        }
        return options;
    }

    /**
     * Re-seals every credential not sealed with {@code target} in one transaction; returns how many changed. Each
     * value is opened with the key named by its key id, so every such key must still be configured.
     */
    public int rotate(MasterKey target) {
        requireNonNull(target, "target is null");
        int changed = jdbc.transaction("rotate credentials to master key " + target.id(), connection -> {
            List<Object[]> rows = Sql.query(connection, "SELECT tenant_id, source_name, credential_key, key_id, nonce, "
                    + "ciphertext FROM credentials WHERE key_id <> ?", row -> new Object[] {
                            Sql.tenant(row, "tenant_id"), row.getString("source_name"),
                            row.getString("credential_key"), sealed(row)}, target.id());
            for (Object[] row : rows) {
                String address = address((TenantId) row[0], (String) row[1], (String) row[2]);
                Sealed resealed = SecretCipher.seal(target, address, cipher.open(address, (Sealed) row[3]));
                Sql.update(connection, "UPDATE credentials SET key_id = ?, nonce = ?, ciphertext = ? "
                        + "WHERE tenant_id = ? AND source_name = ? AND credential_key = ?", resealed.keyId(),
                        resealed.nonce(), resealed.ciphertext(), row[0], row[1], row[2]);
            }
            return rows.size();
        });
        LOG.info("Re-encrypted {} credentials with master key {}", changed, target.id());
        return changed;
    }

    /** Counts of credentials per master key id. */
    public Map<String, Long> countByKey() {
        return jdbc.call("count credentials by master key", connection -> {
            Map<String, Long> counts = new TreeMap<>();
            Sql.query(connection, "SELECT key_id, COUNT(*) AS n FROM credentials GROUP BY key_id",
                    row -> counts.put(row.getString("key_id"), row.getLong("n")));
            return counts;
        });
    }

    /**
     * Stores a configured secret option inside the caller's transaction. When its value changed, the values a
     * connector derived from the old one (a rotated copy under the same name, the re-authorisation flag) are
     * dropped: a new refresh token in the configuration is a new grant.
     */
    void putOption(Connection connection, TenantId tenant, String source, String name, String value)
            throws SQLException {
        String key = OPTION_PREFIX + name;
        Optional<Row> row = read(connection, tenant, source, key);
        if (row.isPresent() && value.equals(cipher.open(address(tenant, source, key), row.get().sealed()))) {
            return;
        }
        Sql.update(connection, "DELETE FROM credentials WHERE tenant_id = ? AND source_name = ? "
                + "AND credential_key IN (?, ?, ?)", tenant, source, key, name, NEEDS_REAUTHORISATION);
        Sealed sealed = cipher.seal(address(tenant, source, key), value);
        Sql.update(connection, "INSERT INTO credentials (tenant_id, source_name, credential_key, key_id, nonce, "
                + "ciphertext, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, source, key, sealed.keyId(),
                sealed.nonce(), sealed.ciphertext(), clock.instant());
    }

    static void removeSource(Connection connection, TenantId tenant, String source) throws SQLException {
        Sql.update(connection, "DELETE FROM credentials WHERE tenant_id = ? AND source_name = ?", tenant, source);
    }

    private boolean insert(Connection connection, TenantId tenant, String source, String key, String value)
            throws SQLException {
        Sealed sealed = cipher.seal(address(tenant, source, key), value);
        try {
            Sql.update(connection, "INSERT INTO credentials (tenant_id, source_name, credential_key, key_id, nonce, "
                    + "ciphertext, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, source, key, sealed.keyId(),
                    sealed.nonce(), sealed.ciphertext(), clock.instant());
            return true;
        }
        catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<Row> read(Connection connection, TenantId tenant, String source, String key)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT credential_key, key_id, nonce, ciphertext FROM credentials "
                + "WHERE tenant_id = ? AND source_name = ? AND credential_key = ?",
                row -> new Row(row.getString("credential_key"), sealed(row)), tenant, source, key);
    }

    private static Sealed sealed(ResultSet row) throws SQLException {
        return new Sealed(row.getString("key_id"), row.getString("nonce"), row.getString("ciphertext"));
    }

    private static String address(TenantId tenant, String source, String key) {
        return tenant.value() + "/" + source + "/" + key;
    }

    private static String describe(String verb, TenantId tenant, String source, String key) {
        return verb + " credential " + key + " of source " + source + " of tenant " + tenant;
    }

    @Override
    public String toString() {
        return "CredentialTable[" + cipher.keys() + "]";
    }
}
