package io.cairn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.CredentialTable;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenant;

/**
 * {@code cairn credentials list|rotate|set}: the encrypted credential store (names only; values are never shown, and
 * {@code set} reads the value from standard input so it never lands in a shell history or a process list).
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "List stored credentials (names, never values) or rotate the master key.",
        subcommands = {CredentialsCommand.ListCredentials.class, CredentialsCommand.Rotate.class,
                CredentialsCommand.Set.class})
final class CredentialsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored credential names per source.")
    static final class ListCredentials implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                ControlPlane controlPlane = context.controlPlane();
                TextTable table = new TextTable("tenant", "source", "credentials", "status");
                for (Tenant tenant : controlPlane.tenants().list()) {
                    for (SourceDefinition source : controlPlane.sources().list(tenant.id())) {
                        var keys = controlPlane.credentials().keys(tenant.id(), source.name());
                        if (!keys.isEmpty()) {
                            table.row(tenant.id(), source.name(), String.join(", ", keys), controlPlane.credentials()
                                    .needsReauthorisation(tenant.id(), source.name())
                                    .map(reason -> "needs_reauth").orElse("ok"));
                        }
                    }
                }
                PrintWriter out = spec.commandLine().getOut();
                if (table.isEmpty()) {
                    out.println("No credentials stored.");
                }
                else {
                    table.print(out);
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Store one credential, read from standard "
            + "input (e.g. alert channels: source _alerts, keys slack.webhook_url, webhook.url, pagerduty.routing_key, "
            + "smtp.host, smtp.password, ...).")
    static final class Set implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "TENANT")
        String tenant;
        @picocli.CommandLine.Parameters(index = "1", paramLabel = "SOURCE")
        String source;
        @picocli.CommandLine.Parameters(index = "2", paramLabel = "KEY")
        String key;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            io.cairn.spi.TenantId id = io.cairn.spi.TenantId.of(tenant);
            String value = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new io.cairn.spi.CairnException(io.cairn.spi.ErrorCode.BAD_INPUT,
                        "Cannot store credential %s of tenant %s source %s: standard input was empty", key, id, source);
            }
            try (ProjectContext context = project.open()) {
                ControlPlane controlPlane = context.controlPlane();
                if (controlPlane.tenants().find(id).isEmpty()) {
                    throw new io.cairn.spi.CairnException(io.cairn.spi.ErrorCode.NOT_FOUND,
                            "Cannot store credential %s: no tenant %s (see cairn tenants list)", key, id);
                }
                String current = controlPlane.credentials().get(id, source, key).orElse(null);
                controlPlane.credentials().compareAndSet(id, source, key, current, value);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Stored %s for tenant %s source %s (encrypted).%n", key, id, source);
                if (clearReauthorisation(controlPlane, id)) {
                    out.printf("Cleared needs_reauth of tenant %s source %s: the next sync reads it again.%n", id,
                            source);
                }
            }
            return Main.OK;
        }

        /** New credentials are what re-authorisation asks for; the flag would otherwise keep the source skipped. */
        private boolean clearReauthorisation(ControlPlane controlPlane, io.cairn.spi.TenantId id) {
            if (key.equals(CredentialTable.NEEDS_REAUTHORISATION)) {
                return false;
            }
            return controlPlane.credentials().needsReauthorisation(id, source)
                    .map(flag -> controlPlane.credentials().compareAndSet(id, source,
                            CredentialTable.NEEDS_REAUTHORISATION, flag, null))
                    .orElse(false);
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Re-encrypt every credential with a new "
            + "master key (key file: a new key is generated; CAIRN_MASTER_KEY: secrets sealed with "
            + "CAIRN_MASTER_KEY_PREVIOUS move to it).")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                int changed = context.controlPlane().rotateMasterKey();
                spec.commandLine().getOut().printf("Re-encrypted %d credential(s) with master key %s.%n", changed,
                        context.controlPlane().credentials().countByKey().keySet());
            }
            return Main.OK;
        }
    }
}
