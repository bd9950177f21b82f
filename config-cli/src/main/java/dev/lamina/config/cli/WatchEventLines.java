package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.Origin;

/**
 * Turns the manager's events into {@code configctl watch}'s output: one JSON object per line, flushed at once, so
 * that a reader piping the output sees each event as it happens. Values arrive masked from the manager.
 *
 * <p>Thread-safe: lines are written under a lock, and after {@code maxEvents} events nothing more is written.
 */
final class WatchEventLines implements ConfigChangeListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@link Origin#describe()}'s form: {@code source:line:column} or {@code source:line}. */
    private static final Pattern DESCRIBED = Pattern.compile("(.+?):(\\d+)(?::(\\d+))?");

    private final PrintWriter out;
    private final long maxEvents;
    private final LongSupplier currentVersion;
    private final CountDownLatch enough = new CountDownLatch(1);
    private long written;

    /**
     * @param out            where lines go
     * @param maxEvents      change and error events to write before {@link #awaitEnough} returns; {@code 0} for no
     *                       limit
     * @param currentVersion the version in force, for error events (a refused reload leaves it unchanged)
     */
    WatchEventLines(PrintWriter out, long maxEvents, LongSupplier currentVersion) {
        this.out = out;
        this.maxEvents = maxEvents;
        this.currentVersion = currentVersion;
    }

    /** @return counted down once {@code maxEvents} events have been written */
    CountDownLatch enough() {
        return enough;
    }

    /**
     * Writes the first line, {@code {"type":"loaded","version":N}}; not counted as an event.
     *
     * @param version the version loaded
     */
    void loaded(long version) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "loaded");
        line.put("version", version);
        write(line, false);
    }

    @Override
    public void onChange(ConfigChangeEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "change");
        line.put("version", event.version());
        line.put("path", event.path().toString());
        event.oldValue().ifPresent(v -> line.put("old", v));
        event.newValue().ifPresent(v -> line.put("new", v));
        // The event describes its source as Origin.describe() does ("dir/staging.yaml:3:14"), or in words
        // ("reload of the configuration files" for a removal); split the former like an error event's origin.
        Matcher m = DESCRIBED.matcher(event.source());
        if (m.matches()) {
            putOrigin(line, Origin.of(m.group(1), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? -1 : Integer.parseInt(m.group(3))));
        } else {
            line.put("source", event.source());
        }
        write(line, true);
    }

    @Override
    public void onError(ConfigErrorEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "error");
        line.put("version", currentVersion.getAsLong());
        event.path().ifPresent(p -> line.put("path", p.toString()));
        event.origin().ifPresent(o -> putOrigin(line, o));
        line.put("message", event.message());
        write(line, true);
    }

    private static void putOrigin(Map<String, Object> line, Origin origin) {
        line.put("source", origin.source());
        if (origin.line() > 0) {
            line.put("line", origin.line());
        }
        if (origin.column() > 0) {
            line.put("column", origin.column());
        }
    }

    private void write(Map<String, Object> line, boolean counts) {
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings and numbers as JSON", e);
        }
        synchronized (this) {
            if (maxEvents > 0 && written >= maxEvents) {
                return;
            }
            out.println(text);
            out.flush();
            if (counts && ++written == maxEvents) {
                enough.countDown();
            }
        }
    }
}
