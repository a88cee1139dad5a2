package io.cairn.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Entry point. Exit codes: 0 ok, 1 failures in the data (sources, loads, tests), 2 bad usage or config. */
public final class Main {
    public static final int OK = 0;
    public static final int DATA_FAILURE = 1;
    public static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... arguments) {
        String[] args;
        try {
            args = LogFormat.extract(arguments);
        }
        catch (CairnException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        CommandLine commandLine = new CommandLine(new CairnCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof CairnException cairn) {
                cmd.getErr().println("error: " + cairn.getMessage());
                return isUsage(cairn.code()) ? USAGE : DATA_FAILURE;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    private static boolean isUsage(ErrorCode code) {
        return code == ErrorCode.CONFIG || code == ErrorCode.BAD_INPUT || code == ErrorCode.NOT_FOUND;
    }
}
