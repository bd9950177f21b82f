package dev.lamina.config.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of config-cli's tests (slf4j-nop is excluded from the test class path): discards everything
 * unless a test {@linkplain #start() starts} a capture, which then records every event at every level, TRACE
 * included, formatted with its arguments and its throwable's messages. Test-only static state: SLF4J instantiates
 * providers itself.
 */
final class CapturedLogs {

    private static volatile List<String> capture;

    private CapturedLogs() {
    }

    /** Starts recording every log event (TRACE and up). */
    static void start() {
        capture = new CopyOnWriteArrayList<>();
    }

    /** @return what was recorded since {@link #start()}, and stops recording */
    static List<String> stop() {
        List<String> out = capture == null ? List.of() : new ArrayList<>(capture);
        capture = null;
        return out;
    }

    /** The ServiceLoader entry point. */
    public static final class Provider implements SLF4JServiceProvider {
        private final ILoggerFactory factory = new Factory();
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new BasicMDCAdapter();

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
        }
    }

    private static final class Factory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, Captor::new);
        }
    }

    private static final class Captor extends AbstractLogger {
        private static final long serialVersionUID = 1L;

        Captor(String name) {
            this.name = name;
        }

        private static boolean on() {
            return capture != null;
        }

        @Override
        public boolean isTraceEnabled() {
            return on();
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return on();
        }

        @Override
        public boolean isDebugEnabled() {
            return on();
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return on();
        }

        @Override
        public boolean isInfoEnabled() {
            return on();
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return on();
        }

        @Override
        public boolean isWarnEnabled() {
            return on();
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return on();
        }

        @Override
        public boolean isErrorEnabled() {
            return on();
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return on();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable throwable) {
            List<String> c = capture;
            if (c == null) {
                return;
            }
            StringBuilder sb = new StringBuilder(level + " " + name + " " + MessageFormatter.basicArrayFormat(pattern,
                    args));
            for (Throwable t = throwable; t != null; t = t.getCause()) {
                sb.append(" | ").append(t);
            }
            c.add(sb.toString());
        }
    }
}
