package io.cairn.cli;

import picocli.CommandLine.Command;

/** The top-level {@code cairn} command. */
@Command(name = "cairn", mixinStandardHelpOptions = true, version = "cairn 0.1.0",
        description = "Multi-tenant commerce and finance data platform.",
        subcommands = {DemoCommand.class, GenerateCommand.class, TenantsCommand.class, SyncCommand.class,
                ModelCommands.Build.class, ModelCommands.Run.class, ModelCommands.Test.class, ModelCommands.Seed.class,
                ModelCommands.Compile.class, ModelCommands.Ls.class, ModelCommands.Freshness.class,
                SourcesCommand.class, MockApisCommand.class, CredentialsCommand.class,
                PipelineCommand.class, RunsCommand.class, ScheduleCommand.class, ServeCommand.class,
                AccessCommand.class, QueryCommand.class, ApiKeysCommand.class})
public final class CairnCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
