package io.cairn.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.Envelope;

/** {@code cairn tenants add|list|remove}: manages tenants in the control plane. */
@Command(name = "tenants", mixinStandardHelpOptions = true, description = "Manage tenants.",
        subcommands = {TenantsCommand.Add.class, TenantsCommand.ListTenants.class, TenantsCommand.Remove.class,
                TenantsMoveCommand.class, TenantsOffboardCommand.class})
final class TenantsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a tenant (or update it).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Parameters(index = "0", paramLabel = "ID", description = "Tenant id: ^[a-z][a-z0-9_]{1,62}$")
        String id;
        @Option(names = "--name", description = "Display name (default: the id).")
        String name;
        @Option(names = "--timezone", defaultValue = "UTC", description = "IANA time zone (default: UTC).")
        String timezone;
        @Option(names = "--currency", defaultValue = "USD", description = "Reporting currency (default: USD).")
        String currency;
        @Option(names = "--tenancy", defaultValue = "shared", description = "shared | dedicated (default: shared).")
        String tenancy;
        @Option(names = "--source", paramLabel = "NAME[:TYPE]",
                description = "A source to add (repeatable); TYPE defaults to files.")
        List<String> sources = new ArrayList<>();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TenantId tenant = TenantId.of(id);
            Tenant value = new Tenant(tenant, name == null ? id : name, parseTenancy(tenancy), parseZone(timezone),
                    parseCurrency(currency), Instant.now());
            try (ProjectContext context = project.open()) {
                ControlPlane controlPlane = context.controlPlane();
                controlPlane.tenants().find(tenant).filter(t -> t.tenancy() != value.tenancy()).ifPresent(t -> {
                    throw new CairnException(ErrorCode.BAD_INPUT, "Cannot change the tenancy of tenant %s from %s to "
                            + "%s here: its data would stay behind; run 'cairn tenants move %s --to %s'", tenant,
                            t.tenancy().id(), value.tenancy().id(), tenant, value.tenancy().id());
                });
                controlPlane.tenants().upsert(value);
                for (String source : sources) {
                    String[] parts = source.split(":", 2);
                    String sourceName = Envelope.checkName("source", parts[0]);
                    String type = parts.length > 1 ? parts[1] : "files";
                    controlPlane.sources().upsert(new SourceDefinition(tenant, sourceName, type,
                            "files".equals(type) ? sourceName : type, true, Map.of()));
                }
                spec.commandLine().getOut().printf("Tenant %s saved with %d source(s).%n", tenant,
                        controlPlane.sources().list(tenant).size());
            }
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tenants.")
    static final class ListTenants implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                TextTable table = new TextTable("id", "name", "tenancy", "timezone", "currency", "sources");
                for (Tenant tenant : context.controlPlane().tenants().list()) {
                    String sources = context.controlPlane().sources().list(tenant.id()).stream()
                            .map(source -> source.name() + (source.enabled() ? "" : " (disabled)"))
                            .collect(Collectors.joining(", "));
                    table.row(tenant.id(), tenant.name(), tenant.tenancy().name().toLowerCase(Locale.ROOT),
                            tenant.timezone(), tenant.currency(), sources);
                }
                PrintWriter out = spec.commandLine().getOut();
                if (table.isEmpty()) {
                    out.println("No tenants yet: cairn tenants add ID, or define them in tenants.yml.");
                }
                else {
                    table.print(out);
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a tenant from the control plane (its warehouse rows and raw files are kept).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TenantId tenant = TenantId.of(id);
            try (ProjectContext context = project.open()) {
                if (context.tenantsFile().stream().anyMatch(spec -> spec.id().equals(tenant))) {
                    throw new CairnException(ErrorCode.BAD_INPUT, "Cannot remove tenant %s: it is defined in "
                            + "%s and would come back on the next command; remove it there first", tenant,
                            context.config().projectDir().resolve(ProjectContext.TENANTS_FILE));
                }
                if (!context.controlPlane().tenants().remove(tenant)) {
                    throw new CairnException(ErrorCode.NOT_FOUND, "Cannot remove tenant %s: no such tenant", tenant);
                }
                spec.commandLine().getOut().printf("Tenant %s removed from the control plane; its warehouse rows "
                        + "and raw files are kept.%n", tenant);
            }
            return Main.OK;
        }
    }

    static Tenancy parseTenancy(String value) {
        try {
            return Tenancy.valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot use tenancy '%s': expected shared or dedicated",
                    value);
        }
    }

    static ZoneId parseZone(String value) {
        try {
            return ZoneId.of(value);
        }
        catch (java.time.DateTimeException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot use time zone '%s': %s", value, e.getMessage());
        }
    }

    static String parseCurrency(String value) {
        try {
            return java.util.Currency.getInstance(value).getCurrencyCode();
        }
        catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot use currency '%s': not an ISO 4217 code", value);
        }
    }
}
