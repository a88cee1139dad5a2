package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.cairn.core.apikeys.ApiKey;
import io.cairn.core.apikeys.NewApiKey;
import io.cairn.core.apikeys.Role;
import io.cairn.core.audit.AuditOutcome;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

/**
 * {@code cairn api-keys create|list|revoke}: API keys from the command line, where the first admin key comes from.
 * A created key is printed once; only its hash is stored. Every change is written to the audit log.
 */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
        description = "Create, list or revoke API keys of the HTTP API.",
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand implements Runnable {
    private static final Pattern EXPIRY = Pattern.compile("^(\\d{1,5})([dh])$");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** {@code 90d} or {@code 12h} as a duration. */
    static Duration expiry(String value) {
        Matcher matcher = EXPIRY.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot read --expires-in '%s': use a number of days or "
                    + "hours such as 90d or 12h", value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it once.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin (platform), tenant_admin or analyst.")
        String role;
        @Option(names = "--tenant", paramLabel = "TENANT", description = "The tenant of a tenant_admin or analyst "
                + "key.")
        String tenant;
        @Option(names = "--expires-in", paramLabel = "DURATION", description = "e.g. 90d or 12h (default: never).")
        String expiresIn;
        @Option(names = "--name", paramLabel = "TEXT", description = "A label shown in listings.")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role chosen = Role.fromId(role).orElseThrow(() -> new CairnException(ErrorCode.BAD_INPUT,
                    "Cannot create an API key: --role must be admin, tenant_admin or analyst, not '%s'", role));
            TenantId id = tenant == null ? null : TenantId.of(tenant);
            if ((chosen == Role.ADMIN) != (id == null)) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot create an API key: %s", chosen == Role.ADMIN
                        ? "an admin key is a platform key, give no --tenant" : "a " + role + " key needs --tenant");
            }
            Instant expires = expiresIn == null ? null : Instant.now().plus(expiry(expiresIn));
            try (ProjectContext context = project.open()) {
                ControlPlane controlPlane = context.controlPlane();
                if (id != null && controlPlane.tenants().find(id).isEmpty()) {
                    throw new CairnException(ErrorCode.NOT_FOUND, "Cannot create an API key: no tenant %s (see "
                            + "cairn tenants list)", id);
                }
                NewApiKey created = controlPlane.apiKeys().create(chosen, id, name, expires);
                controlPlane.audit().record(actor(), "access.grant", id, "key " + created.key().prefix() + " role "
                        + chosen.id(), AuditOutcome.OK, "created with the CLI");
                PrintWriter out = spec.commandLine().getOut();
                out.println(created.secret());
                out.printf("Created %s key %s%s%s. It is shown only now; store it safely.%n", chosen.id(),
                        created.key().prefix(), id == null ? "" : " for tenant " + id,
                        expires == null ? "" : ", expiring " + expires);
            }
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's keys.")
        String tenant;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                Instant now = Instant.now();
                TextTable table = new TextTable("prefix", "role", "tenant", "name", "created", "expires", "status");
                for (ApiKey key : context.controlPlane().apiKeys().list(tenant == null ? null : TenantId.of(tenant))) {
                    table.row(key.prefix(), key.role().id(), key.tenant().map(Object::toString).orElse("-"),
                            key.name() == null ? "-" : key.name(), key.createdAt(),
                            key.expiresAt() == null ? "never" : key.expiresAt(),
                            key.revokedAt() != null ? "revoked" : key.isActive(now) ? "active" : "expired");
                }
                PrintWriter out = spec.commandLine().getOut();
                if (table.isEmpty()) {
                    out.println("No API keys.");
                } else {
                    table.print(out);
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its prefix.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Parameters(index = "0", paramLabel = "PREFIX", description = "The key's prefix, ck_ and 8 characters.")
        String prefix;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                ControlPlane controlPlane = context.controlPlane();
                ApiKey key = controlPlane.apiKeys().find(prefix).orElseThrow(() -> new CairnException(
                        ErrorCode.NOT_FOUND, "Cannot revoke API key %s: there is no such key", prefix));
                boolean revoked = controlPlane.apiKeys().revoke(prefix);
                controlPlane.audit().record(actor(), "access.revoke", key.tenant().orElse(null), "key " + prefix,
                        AuditOutcome.OK, revoked ? "revoked with the CLI" : "was already revoked");
                spec.commandLine().getOut().printf("%s API key %s.%n", revoked ? "Revoked" : "Already revoked",
                        prefix);
            }
            return Main.OK;
        }
    }
}
