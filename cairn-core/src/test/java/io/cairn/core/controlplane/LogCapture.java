package io.cairn.core.controlplane;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** Captures every log event, at every level, while open; messages formatted with their arguments. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger cairn = (Logger) LoggerFactory.getLogger("io.cairn");
    private final Level rootLevel = root.getLevel();
    private final Level cairnLevel = cairn.getLevel();
    private final List<String> messages = new ArrayList<>();

    static LogCapture all() {
        LogCapture capture = new LogCapture();
        capture.start();
        capture.root.addAppender(capture);
        capture.root.setLevel(Level.ALL);
        capture.cairn.setLevel(Level.ALL);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        messages.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                : " " + event.getThrowableProxy().getMessage()));
    }

    synchronized List<String> messages() {
        return messages;
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(rootLevel);
        cairn.setLevel(cairnLevel);
        stop();
    }
}
