package dev.lamina.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shipped examples and docs must not expire (issue 9): the example experiment once ended on a fixed date, after
 * which the README's demo printed "not enrolled (ENDED)". This test scans {@code examples/config/**},
 * {@code docs/**}{@code /*.md} and {@code README.md} for ISO dates and fails when a date window ends within a year
 * of now, or has already ended. It uses the real clock on purpose: the point is to fail a year before a reader
 * would see a stale example, not on the day.
 *
 * <p>What counts: every date that is still ahead but less than a year away (whatever its role), and every date
 * that ends a window ({@code end_date}, {@code end:}, {@code until}, {@code expires}, or the later of two dates on
 * one line written as a range) when it is less than a year away or already past. Past dates that end nothing
 * (when a benchmark ran, the time in a sample audit record) are history and are allowed.
 */
class ShippedDatesTest {

    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?"
                    + "(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?(?![0-9])");
    /** Words that make the date after them the end of a window. */
    private static final Pattern END_WORD = Pattern.compile("(?i)\\b(end\\w*|until|expir\\w*|deadline|stop\\w*)\\b");
    /** What joins the two dates of a range on one line. */
    private static final Pattern RANGE = Pattern.compile("\\.\\.|–|Instant\\.parse|\\bto\\b|start");

    private static final Duration YEAR = Duration.ofDays(366);

    @Test
    void noShippedDateWindowEndsWithinAYear() throws IOException {
        Path root = root();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("examples/config"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(root.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        files.add(root.resolve("README.md"));
        assertThat(files).hasSizeGreaterThan(10);

        Instant now = Instant.now();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String p : problems(lines.get(i), now)) {
                    problems.add(root.relativize(file) + ":" + (i + 1) + ": " + p);
                }
            }
        }
        assertThat(problems)
                .as("shipped examples and docs must not expire: use a date far in the future (e.g. 2099-12-31)"
                        + " or a relative one")
                .isEmpty();
    }

    @Test
    void theRuleFlagsEndsAndNearDatesButNotHistory() {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(problems("    end_date: 2026-12-05T00:00:00Z", now)).hasSize(1);
        assertThat(problems("    end_date: 2027-06-01T00:00:00Z", now)).hasSize(1);
        assertThat(problems("    end_date: 2099-12-31T00:00:00Z", now)).isEmpty();
        assertThat(problems("schedule: {start: 2026-01-01T00:00:00Z, end: 2026-03-01T00:00:00Z}", now)).hasSize(1);
        assertThat(problems("running  2026-11-21T00:00:00Z .. 2026-12-05T00:00:00Z", now)).hasSize(1);
        assertThat(problems("Instant.parse(\"2026-11-21T00:00:00Z\"), Instant.parse(\"2026-12-05T00:00:00Z\"),", now))
                .hasSize(1);
        assertThat(problems("    start_date: 2026-11-21T00:00:00Z", now)).isEmpty();
        assertThat(problems("Results of one run, 2026-11-21, OpenJDK 17", now)).isEmpty();
        assertThat(problems("`--at 2026-12-01T09:00:00Z` judges windows at that time", now)).isEmpty();
        assertThat(problems("`--at 2027-01-01T09:00:00Z` judges windows at that time", now)).hasSize(1);
    }

    /** @return what is wrong with the dates of one line, judged at {@code now} */
    static List<String> problems(String line, Instant now) {
        List<String> out = new ArrayList<>();
        Matcher m = ISO_DATE.matcher(line);
        int previousEnd = -1;
        while (m.find()) {
            Instant date;
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (java.time.DateTimeException e) {
                continue; // not a date (e.g. a version or an id)
            }
            boolean endsAWindow = endsAWindow(line, m.start(), previousEnd);
            previousEnd = m.end();
            if (date.isAfter(now) && date.isBefore(now.plus(YEAR))) {
                out.add(m.group() + " is less than a year away");
            } else if (endsAWindow && !date.isAfter(now)) {
                out.add(m.group() + " ends a window that has already ended");
            }
        }
        return out;
    }

    private static boolean endsAWindow(String line, int start, int previousDateEnd) {
        String before = line.substring(Math.max(0, start - 30), start);
        if (END_WORD.matcher(before).find() && !before.matches("(?is).*\\bstart\\w*\\W*$")) {
            return true;
        }
        return previousDateEnd >= 0 && RANGE.matcher(line).find();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/config")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }
}
