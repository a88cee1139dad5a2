package io.cairn.warehouse.postgres;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.IsolationReport;
import io.cairn.warehouse.postgres.tenancy.LayoutSecurity;
import io.cairn.warehouse.postgres.tenancy.MaskedColumns;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;

/**
 * Tenant access on PostgreSQL through row-level security (package {@code tenancy}). A tenant connection logs in as
 * the tenant's serving login {@code cairn_serve_<tenant>}: a {@code NOINHERIT} role whose only membership is the
 * tenant's reader role {@code cairn_reader_<tenant>}, which the session then {@code SET ROLE}s to. Nothing in the
 * tenant's SQL can escape: {@code RESET ROLE} or {@code set_config('role', ...)} falls back to the serving login,
 * which holds no privilege itself (and which the reader policy matches no row for); the other tenants' readers,
 * the pipeline roles and superusers are roles it is not a member of. Sessions run read-only
 * ({@code default_transaction_read_only}, and every transaction {@code READ ONLY}) with {@code statement_timeout},
 * {@code search_path = marts, ops} ({@code <tenant>_marts, <tenant>_ops} for a dedicated tenant, see
 * {@link #locate}) and {@code TimeZone = 'UTC'}.
 *
 * <p>{@link #publish} applies {@link RowLevelSecurity} with {@link #LAYOUT} (the marts and {@code ops} are reader
 * schemas) for shared tenants, and with {@link #LAYOUT} prefixed with {@code <tenant>_} and granted to the tenant's
 * reader alone for a dedicated tenant, and creates the serving logins; it needs a role that owns the tables and may create roles, as the
 * warehouse's configured user usually is. The serving login's password is derived from the warehouse password
 * (HMAC-SHA256), so every Cairn process sharing the configuration agrees on it, or random per process when the
 * warehouse has none; it is set on first use by each process and never logged.
 */
public final class PostgresTenantScope implements TenantScope {
    /** Prefix of a tenant's serving login, {@code cairn_serve_<tenant>}. */
    public static final String SERVING_PREFIX = TenantRoles.SERVING_PREFIX;
    /** Marts and ops ({@code dq_results}) readable by tenant readers, under row-level security. */
    public static final IsolationLayout LAYOUT = new IsolationLayout(IsolationLayout.DEFAULT.rawSchema(),
            List.of("staging", "intermediate", MARTS_SCHEMA, OPS_SCHEMA), List.of(MARTS_SCHEMA, OPS_SCHEMA));
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTenantScope.class);
    private static final LayoutSecurity LAYOUTS = new LayoutSecurity(LAYOUT);

    private final PostgresWarehouse warehouse;
    private final byte[] passwordKey;
    private final Set<TenantId> ready = ConcurrentHashMap.newKeySet();
    private volatile Function<TenantId, String> schemaPrefix = tenant -> "";

    PostgresTenantScope(PostgresWarehouse warehouse) {
        this.warehouse = warehouse;
        String password = warehouse.settings().password();
        this.passwordKey = password != null ? password.getBytes(StandardCharsets.UTF_8) : randomKey();
    }

    /** The tenant's serving login. */
    public static String servingLogin(TenantId tenant) {
        TenantRoles.reader(tenant); // refuses tenant ids too long for a role name
        return SERVING_PREFIX + tenant.value();
    }

    @Override
    public void locate(Function<TenantId, String> schemaPrefix) {
        this.schemaPrefix = java.util.Objects.requireNonNull(schemaPrefix, "schemaPrefix is null");
    }

    @Override
    public String martsSchema(TenantId tenant) {
        return prefix(tenant) + MARTS_SCHEMA;
    }

    @Override
    public String opsSchema(TenantId tenant) {
        return prefix(tenant) + OPS_SCHEMA;
    }

    @Override
    public List<String> accessObjects(TenantId tenant) {
        try (Connection connection = warehouse.connect()) {
            return TenantRoles.accessObjects(connection, tenant);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot list the roles of tenant %s: %s", tenant,
                    e.getMessage());
        }
    }

    /** Drops the tenant's serving login, reader and PII roles and its masking schemas (offboarding). */
    @Override
    public List<String> removeAccess(TenantId tenant) {
        try (Connection connection = warehouse.connect()) {
            List<String> dropped = TenantRoles.drop(connection, tenant);
            ready.remove(tenant);
            LOG.info("Removed the warehouse access of tenant {}: {}", tenant, dropped);
            return dropped;
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot drop the roles of tenant %s: %s", tenant,
                    e.getMessage());
        }
    }

    private String prefix(TenantId tenant) {
        return TenantScope.schemaPrefix(schemaPrefix, tenant);
    }

    @Override
    public void publish(Collection<TenantId> tenants) {
        try (Connection connection = warehouse.connect()) {
            List<TenantId> shared = tenants.stream().filter(tenant -> prefix(tenant).isEmpty()).toList();
            new RowLevelSecurity(LAYOUT).apply(connection, shared);
            for (TenantId tenant : tenants.stream().filter(tenant -> !prefix(tenant).isEmpty()).toList()) {
                new RowLevelSecurity(LAYOUTS.layout(prefix(tenant))).apply(connection, List.of(tenant));
            }
            for (TenantId tenant : tenants) {
                prepareLogin(connection, tenant);
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot publish the data of tenants %s: %s", tenants,
                    e.getMessage());
        }
    }

    /**
     * Secures the layout a model build wrote: {@link #LAYOUT}, or its {@code <tenant>_} copy granted to the tenant's
     * reader alone, with the project's PII columns masked.
     */
    @Override
    public void secureBuild(String schemaPrefix, Map<String, Set<String>> piiColumns) {
        try (Connection connection = warehouse.connect()) {
            IsolationReport report = LAYOUTS.secureBuild(connection, schemaPrefix, new MaskedColumns(piiColumns));
            LOG.info("Secured the build of layout '{}': {} tables newly secured, {} reader grants, {} masking views; "
                    + "{} relations withheld", schemaPrefix, report.tablesSecured().size(),
                    report.readerGrants().size(), report.maskingViews().size(), report.withheld().size());
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot secure the build of the layout with schema "
                    + "prefix '%s': %s", schemaPrefix, e.getMessage());
        }
    }

    /** Grants the tenant's reader its new layout alone (see {@link LayoutSecurity#relocate}). */
    @Override
    public void relocate(TenantId tenant, String schemaPrefix) {
        try (Connection connection = warehouse.connect()) {
            LAYOUTS.relocate(connection, tenant, schemaPrefix);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot move the access of tenant %s to the layout "
                    + "with schema prefix '%s': %s", tenant, schemaPrefix, e.getMessage());
        }
    }

    @Override
    public Connection connect(TenantId tenant, Duration statementTimeout) {
        if (!ready.contains(tenant)) {
            prepare(tenant);
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(warehouse.settings().url(), loginProperties(tenant));
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET ROLE " + PostgresDialect.INSTANCE.quote(TenantRoles.reader(tenant)));
                statement.execute("SET statement_timeout = " + Math.max(1, statementTimeout.toMillis()));
                statement.execute("SET default_transaction_read_only = on");
                statement.execute("SET search_path = " + PostgresDialect.INSTANCE.quote(martsSchema(tenant)) + ", "
                        + PostgresDialect.INSTANCE.quote(opsSchema(tenant)));
                statement.execute("SET TimeZone = 'UTC'");
            }
            checkIdentity(connection, tenant);
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return connection;
        }
        catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof CairnException cairn ? cairn : new CairnException(ErrorCode.WAREHOUSE, e,
                    "Cannot open a connection for tenant %s as %s: %s", tenant, servingLogin(tenant),
                    e.getMessage());
        }
    }

    /** Publishes the tenant when its reader role is missing, else makes sure its serving login can log in. */
    private void prepare(TenantId tenant) {
        try (Connection connection = warehouse.connect()) {
            if (!roleExists(connection, TenantRoles.reader(tenant))) {
                LOG.info("Tenant {} has no reader role yet; applying row-level security", tenant);
                publish(List.of(tenant));
            }
            else {
                prepareLogin(connection, tenant);
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot prepare the serving login of tenant %s: %s",
                    tenant, e.getMessage());
        }
    }

    private void prepareLogin(Connection connection, TenantId tenant) throws SQLException {
        String login = servingLogin(tenant);
        String quoted = PostgresDialect.INSTANCE.quote(login);
        String attributes = " LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
        try (Statement statement = connection.createStatement()) {
            statement.execute((roleExists(connection, login) ? "ALTER ROLE " : "CREATE ROLE ") + quoted + attributes);
            statement.execute("GRANT " + PostgresDialect.INSTANCE.quote(TenantRoles.reader(tenant)) + " TO " + quoted);
        }
        connection.unwrap(PGConnection.class).alterUserPassword(login, password(login), "scram-sha-256");
        ready.add(tenant);
    }

    /** The session must be the serving login acting as the reader role, whatever the URL said. */
    private static void checkIdentity(Connection connection, TenantId tenant) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT session_user, current_user")) {
            rows.next();
            if (!servingLogin(tenant).equals(rows.getString(1)) || !TenantRoles.reader(tenant).equals(rows.getString(2))) {
                throw new CairnException(ErrorCode.CONFIG, "Cannot open a connection for tenant %s: it logged in as "
                        + "%s acting as %s, not as %s; remove user settings from warehouse.url", tenant,
                        rows.getString(1), rows.getString(2), servingLogin(tenant));
            }
        }
    }

    private Properties loginProperties(TenantId tenant) {
        String login = servingLogin(tenant);
        Properties properties = new Properties();
        properties.setProperty("user", login);
        properties.setProperty("password", new String(password(login)));
        properties.setProperty("ApplicationName", "cairn-tenant");
        return properties;
    }

    private char[] password(String login) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(passwordKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(("cairn-serving-login:" + login).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).toCharArray();
        }
        catch (GeneralSecurityException e) {
            throw new CairnException(ErrorCode.INTERNAL, e, "Cannot derive the password of %s: %s", login,
                    e.getMessage());
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                LOG.debug("Closing a failed tenant connection failed", e);
            }
        }
    }
}
