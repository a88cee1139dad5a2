package io.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * {@code --log-format text|json}, accepted anywhere on the command line: sets {@code CAIRN_LOG_FORMAT}, which
 * {@code logback.xml} reads to pick its appender, and reconfigures logging with it.
 */
final class LogFormat {
    static final String PROPERTY = "CAIRN_LOG_FORMAT";
    private static final String OPTION = "--log-format";

    private LogFormat() {}

    /** {@code args} without the {@code --log-format} option, applying it when present. */
    static String[] extract(String... args) {
        List<String> rest = new ArrayList<>();
        String format = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                format = args[++i];
            }
            else if (args[i].startsWith(OPTION + "=")) {
                format = args[i].substring(OPTION.length() + 1);
            }
            else {
                rest.add(args[i]);
            }
        }
        if (format != null) {
            apply(format);
        }
        return rest.toArray(String[]::new);
    }

    /** Switches logging to {@code format} ({@code text} or {@code json}). */
    static void apply(String format) {
        String key = format.toLowerCase(Locale.ROOT);
        if (!key.equals("text") && !key.equals("json")) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot use --log-format %s: expected text or json",
                    format);
        }
        System.setProperty(PROPERTY, key);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            }
            catch (JoranException e) {
                throw new CairnException(ErrorCode.CONFIG, e, "Cannot configure %s logging: %s", key,
                        e.getMessage());
            }
        }
    }
}
