package io.cairn.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.postgresql.Driver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.access.AccessGrant;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresWarehouse;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.ReaderLogins;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;

/**
 * {@code cairn access grant|revoke|show}: a tenant's reader login for BI tools (Looker, Power BI, Sheets
 * connectors) on a PostgreSQL warehouse. Grants are kept in the control plane, every grant and revoke is audited,
 * and a password is shown once, never stored by Cairn.
 */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Manage tenants' SQL logins for BI tools (PostgreSQL warehouses).",
        subcommands = {AccessCommand.Grant.class, AccessCommand.Revoke.class, AccessCommand.Show.class})
final class AccessCommand implements Runnable {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 28;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Create or re-enable the tenant's reader login with a new password (shown once).")
    static final class Grant implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Parameters(index = "0", paramLabel = "TENANT")
        String id;
        @Option(names = "--pii", description = "PII columns in clear (default: masked).")
        boolean pii;
        @Option(names = "--host", description = "Host name to print for BI tools (default: the warehouse URL's).")
        String host;
        /** The project whose pii tags the grant applies (as a build would), e.g. --models DIR. */
        @Mixin
        ModelOptions model;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TenantId tenant = TenantId.of(id);
            try (ProjectContext context = project.open()) {
                PostgresWarehouse warehouse = postgres(context, spec);
                if (warehouse == null) {
                    return Main.USAGE;
                }
                requireTenant(context, tenant);
                char[] password = password();
                IsolationLayout layout = TenantIsolationHook.layout(context, tenant);
                try {
                    String login = audited(context, "access.grant", tenant, "pii=" + pii, () -> {
                        String role = grant(warehouse, context, tenant, password, layout);
                        context.controlPlane().access().grant(tenant, role, pii, actor());
                        return role;
                    });
                    printDetails(spec.commandLine().getOut(), warehouse, tenant, login, password, layout);
                }
                finally {
                    Arrays.fill(password, '\0');
                }
            }
            return Main.OK;
        }

        /**
         * Brings isolation and PII masking up to date first (as after a build, with the project's pii tags), so that
         * a table built before masking existed is never granted whole to the new login.
         */
        private String grant(PostgresWarehouse warehouse, ProjectContext context, TenantId tenant, char[] password,
                IsolationLayout layout) {
            ModelRun project = new ModelRun(context, model, new PrintWriter(Writer.nullWriter()));
            TenantIsolationHook.afterBuild(context, project.engine());
            try (Connection connection = warehouse.connect()) {
                return ReaderLogins.grant(connection, tenant, password, pii, layout);
            }
            catch (SQLException e) {
                throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot grant access to tenant %s: %s", tenant,
                        e.getMessage());
            }
        }

        private void printDetails(PrintWriter out, PostgresWarehouse warehouse, TenantId tenant, String login,
                char[] password, IsolationLayout layout) {
            Properties url = Driver.parseURL(warehouse.settings().url(), null);
            String shownHost = host != null ? host : url == null ? "?" : url.getProperty("PGHOST");
            out.printf("Granted BI access to tenant %s (PII %s).%n", tenant, pii ? "in clear" : "masked");
            out.printf("  host:      %s%n", shownHost);
            out.printf("  port:      %s%n", url == null ? "?" : url.getProperty("PGPORT"));
            out.printf("  database:  %s%n", url == null ? "?" : url.getProperty("PGDBNAME"));
            out.printf("  user:      %s%n", login);
            out.printf("  password:  %s%n", new String(password));
            out.printf("  sslmode:   %s%n", url == null ? "prefer" : url.getProperty("sslmode", "prefer"));
            out.printf("  schemas:   %s (the login's search_path; tables with PII columns are read through %s)%n",
                    String.join(", ", ReaderLogins.schemas(layout)),
                    String.join(", ", layout.readerSchemas().stream().map(RowLevelSecurity::maskedSchema).toList()));
            out.println("The password is shown only this once; granting again replaces it.");
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Disable the tenant's reader login and end its open sessions.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Parameters(index = "0", paramLabel = "TENANT")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TenantId tenant = TenantId.of(id);
            try (ProjectContext context = project.open()) {
                PostgresWarehouse warehouse = postgres(context, spec);
                if (warehouse == null) {
                    return Main.USAGE;
                }
                requireTenant(context, tenant);
                Optional<AccessGrant> revoked = context.controlPlane().access().list(tenant, false).stream()
                        .findFirst();
                int ended = audited(context, "access.revoke", tenant, null, () -> {
                    try (Connection connection = warehouse.connect()) {
                        int sessions = ReaderLogins.revoke(connection, tenant);
                        context.controlPlane().access().revoke(tenant, actor());
                        return sessions;
                    }
                    catch (SQLException e) {
                        throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot revoke access of tenant %s: %s",
                                tenant, e.getMessage());
                    }
                });
                spec.commandLine().getOut().printf("Revoked BI access of tenant %s (%s); %d open session%s ended.%n",
                        tenant, revoked.map(AccessGrant::login).orElse("no grant was in force"), ended,
                        ended == 1 ? "" : "s");
            }
            return Main.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List grants (never passwords).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Parameters(index = "0", paramLabel = "TENANT", arity = "0..1")
        String id;
        @Option(names = "--history", description = "Also list revoked and replaced grants.")
        boolean history;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                if (postgres(context, spec) == null) {
                    return Main.USAGE;
                }
                TenantId tenant = id == null ? null : TenantId.of(id);
                TextTable table = new TextTable("tenant", "login", "pii", "granted_at", "granted_by", "revoked_at",
                        "revoked_by");
                for (AccessGrant grant : context.controlPlane().access().list(tenant, history)) {
                    table.row(grant.tenant(), grant.login(), grant.pii() ? "clear" : "masked", grant.grantedAt(),
                            grant.grantedBy(), grant.revokedAt().map(Object::toString).orElse(""),
                            grant.revokedBy().orElse(""));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (table.isEmpty()) {
                    out.println("No BI access " + (history ? "granted" : "in force") + (tenant == null ? "" : " for tenant "
                            + tenant) + ": cairn access grant TENANT [--pii].");
                }
                else {
                    table.print(out);
                }
            }
            return Main.OK;
        }
    }

    /** The PostgreSQL warehouse, or null after explaining on standard error why another engine cannot serve BI. */
    private static PostgresWarehouse postgres(ProjectContext context, CommandSpec spec) {
        if (context.warehouse() instanceof PostgresWarehouse postgres) {
            return postgres;
        }
        spec.commandLine().getErr().printf("error: direct SQL access for BI tools needs a PostgreSQL warehouse "
                + "(row-level security and one login per tenant); this project's warehouse is %s. Set "
                + "warehouse.type: postgres in %s, or serve the tenant through the API (tenant-scoped marts).%n",
                context.warehouse().type(), context.config().projectDir().resolve("cairn.yml"));
        return null;
    }

    private static void requireTenant(ProjectContext context, TenantId tenant) {
        if (context.controlPlane().tenants().find(tenant).isEmpty()) {
            throw new CairnException(ErrorCode.NOT_FOUND, "Cannot change BI access of tenant %s: no such tenant",
                    tenant);
        }
    }

    private interface Action<T> {
        T run();
    }

    /** Runs an access change and records it in the audit log, as done or as failed with the reason. */
    private static <T> T audited(ProjectContext context, String action, TenantId tenant, String detail,
            Action<T> work) {
        String target = TenantRoles.reader(tenant);
        try {
            T result = work.run();
            context.controlPlane().audit().record(actor(), action, tenant, target, AuditOutcome.OK, detail);
            return result;
        }
        catch (RuntimeException e) {
            context.controlPlane().audit().record(actor(), action, tenant, target, AuditOutcome.FAILED,
                    e.getMessage());
            throw e;
        }
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    private static char[] password() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
