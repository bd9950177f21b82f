package dev.lamina.config.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a configuration file for a reload so that a half-written file is never taken for the new version. Many
 * editors and tools ({@code Files.writeString}, {@code echo >}, {@code cp}) write in place: they truncate the file
 * and then write it, and a reader in between sees an empty or a partial file. The directory watcher's quiet period
 * makes such a read unlikely, but not impossible: the next write may start just as the reload reads.
 *
 * <p>Two rules, applied to every read:
 * <ol>
 * <li><b>Stable content.</b> The file's size, modification time and identity are taken before, between and after
 *     two reads; the content counts only when all three agree, the size is the length read and both reads are
 *     byte-identical. Otherwise it is read again a moment later, until the read timeout is spent. A file last
 *     modified, and whose status last changed, more than the quiet period plus {@link #SETTLED} ago is read once:
 *     its stamps before and after the read suffice.</li>
 * <li><b>Suspicious emptiness.</b> A file that had content at its previous read and is empty now is most likely
 *     between the truncation and the write. It is read again after the quiet period (at least 200 ms), and
 *     accepted as empty only when it stayed empty and untouched for that whole time; {@link Read#note()} then says
 *     so, for the change event and the audit record.</li>
 * </ol>
 *
 * <p><b>Settled files are not read again while unchanged.</b> Like git's index, the content of a settled file is
 * kept with its stamp: identity (device and inode), size, modification time and status-change time ({@code ctime}).
 * A later {@link #unchanged} finds the same stamp with one {@code stat} and no read, on the calling thread: no
 * hand-over to a helper, nothing opened. The status-change time is what makes this safe: every write, truncation,
 * rename, permission change or {@code utimes} sets it to the current time, and no user call can set it back, so a
 * tool that restores the modification time ({@code cp -p}, {@code rsync -t}, {@code touch -d}) still changes the
 * stamp, and so does a file renamed over this one (another inode, a new {@code ctime}). Only a stamp whose
 * modification and status-change times are both older than the quiet period plus {@link #SETTLED} is kept (git's
 * "racy timestamp" rule): a write in the same timestamp tick as the read that kept it cannot match. Where the file
 * system offers no {@code ctime} (no {@code unix} attribute view), nothing is kept and every reload reads.
 *
 * <p>Remembers whether each file had content at its last read (per instance: one per manager). Thread-safe.
 */
public final class StableReads {

    /** How the waits between reads are made; tests replace it to act at the exact moment of a wait. */
    @FunctionalInterface
    public interface Pause {
        /**
         * @param duration how long
         * @throws InterruptedException when interrupted (the manager is closing)
         */
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * A stable read.
     *
     * @param bytes the content
     * @param note  when the file was accepted empty after having had content, a sentence saying so
     */
    public record Read(byte[] bytes, Optional<String> note) {
        /** Checks for {@code null}. */
        public Read {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(note, "note");
        }
    }

    /** The shortest wait before an emptied file is believed (the default quiet period). */
    static final Duration MIN_CONFIRMATION = Duration.ofMillis(200);

    /** Beyond the quiet period, how old a modification time must be for one read to suffice (coarse timestamps). */
    static final Duration SETTLED = Duration.ofSeconds(3);

    private final FileReads reads;
    private final Duration quietPeriod;
    private final Pause pause;
    private final Map<Path, Boolean> hadContent = new ConcurrentHashMap<>();
    /** The content of each settled file at its last read, with the stamp it had (see the class comment). */
    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /**
     * @param reads       how one read is made (its timeout also bounds the whole stable read)
     * @param quietPeriod how long an emptied file must stay empty before it is believed
     */
    public StableReads(FileReads reads, Duration quietPeriod) {
        this(reads, quietPeriod, SLEEP);
    }

    /** Waits by sleeping. A class, not a lambda: see {@link Attempt}. */
    private static final Pause SLEEP = new Pause() {
        @Override
        public void pause(Duration duration) throws InterruptedException {
            Thread.sleep(Math.max(1, duration.toMillis()));
        }
    };

    /**
     * @param reads       how one read is made
     * @param quietPeriod how long an emptied file must stay empty before it is believed
     * @param pause       how to wait
     */
    public StableReads(FileReads reads, Duration quietPeriod, Pause pause) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * Reads a file until its content is stable (see the class comment).
     *
     * @param file     the file
     * @param maxBytes the largest size accepted
     * @param suspect  whether an emptied file is suspicious (reloads); a first load takes the file as it is
     * @return the content, and a note when an emptied file was accepted
     * @throws FileReads.Refusal when the file cannot be read, or kept changing for the whole read timeout
     */
    public Read read(Path file, long maxBytes, boolean suspect) throws FileReads.Refusal {
        long deadline = System.nanoTime() + reads.timeout().toNanos();
        Duration retry = retryPause();
        Stamp emptySince = null;
        Path key = file.toAbsolutePath().normalize();
        known.remove(key);
        while (true) {
            Stamped stable = attempt(file, maxBytes);
            if (stable != null) {
                byte[] bytes = stable.bytes();
                boolean before = Boolean.TRUE.equals(hadContent.get(key));
                if (bytes.length > 0 || !suspect || !before) {
                    hadContent.put(key, bytes.length > 0);
                    if (stable.stamp().changed() != null && settled(stable.stamp())) {
                        known.put(key, new Known(stable.stamp(), bytes));
                    }
                    return new Read(bytes, Optional.empty());
                }
                // Empty after having had content: believe it only once it has stayed so for a quiet period.
                Stamp now = stamp(file);
                if (emptySince != null && emptySince.equals(now)) {
                    hadContent.put(key, false);
                    return new Read(bytes, Optional.of(file + " became empty and stayed empty for "
                            + FileReads.describe(confirmation()) + "; its keys are removed"));
                }
                emptySince = now;
                sleep(confirmation(), file);
                continue;
            }
            emptySince = null;
            if (System.nanoTime() - deadline > 0) {
                throw new FileReads.Refusal(FileReads.Kind.TIMEOUT, "kept changing while it was read for "
                        + FileReads.describe(reads.timeout()) + " (the limit is ConfigurationOptions.readTimeout); "
                        + "the next change will be read again", null);
            }
            sleep(retry, file);
        }
    }

    /**
     * The content of a settled file read earlier, when its stamp is still the one it had then (see the class
     * comment): one {@code stat} on the calling thread, which never blocks on a FIFO or device (nothing is opened),
     * and no read. Anything else, a missing or special file included, is left to {@link #read}, which refuses it.
     *
     * @param file the file
     * @return the content read earlier, or empty when the file must be read
     */
    public Optional<byte[]> unchanged(Path file) {
        Known k = known.get(file.toAbsolutePath().normalize());
        if (k == null) {
            return Optional.empty();
        }
        Stamp now;
        try {
            now = stamp(file);
        } catch (FileReads.Refusal r) {
            return Optional.empty();
        }
        return now.equals(k.stamp()) && settled(now) ? Optional.of(k.bytes()) : Optional.empty();
    }

    /** Forgets what is remembered about a file (a load replaces the files in force). */
    public void forgetAll() {
        hadContent.clear();
        known.clear();
    }

    /**
     * stat, read, stat, read, stat, in one hand-over to a helper thread: the content when everything agrees, else
     * empty. The first stat refuses a file that is not regular before it is opened.
     */
    private Stamped attempt(Path file, long maxBytes) throws FileReads.Refusal {
        Stamp s1 = stamp(file);
        if (s1.size() > maxBytes) {
            throw new FileReads.Refusal(FileReads.Kind.TOO_LARGE, "is larger than " + maxBytes + " bytes", null);
        }
        return reads.withTimeout(new Attempt(file, maxBytes, s1));
    }

    /**
     * The helper's part of {@link #attempt}: read, stat, read, stat. A class, not a lambda: every load runs it, and
     * the first lambda a process spins loads the lambda machinery (about 45 classes, several ms of a cold start).
     */
    private final class Attempt implements FileReads.FileWork<Stamped> {
        private final Path file;
        private final long maxBytes;
        private final Stamp s1;

        Attempt(Path file, long maxBytes, Stamp s1) {
            this.file = file;
            this.maxBytes = maxBytes;
            this.s1 = s1;
        }

        @Override
        public Stamped run() throws FileReads.Refusal, java.io.IOException {
            byte[] first = FileReads.readOnHelper(file, maxBytes);
            Stamp s2 = stamp(file);
            if (!s1.equals(s2) || s2.size() != first.length) {
                return null;
            }
            if (settled(s2)) {
                return new Stamped(first, s2);
            }
            byte[] second = FileReads.readOnHelper(file, maxBytes);
            Stamp s3 = stamp(file);
            return s2.equals(s3) && Arrays.equals(first, second) ? new Stamped(first, s3) : null;
        }
    }

    /**
     * Whether a file was last modified long enough ago that one read suffices: a write during the read would have
     * moved its modification time to about now, so an old time unchanged across the read means nobody wrote. The
     * second read exists for writes inside one timestamp tick (1-2 s on some file systems), so "long enough" is
     * {@link #SETTLED} past the quiet period. Most files of a reload are untouched; this halves their reads.
     */
    private boolean settled(Stamp stamp) {
        long oldest = System.currentTimeMillis() - confirmation().plus(SETTLED).toMillis();
        // A status change (rename over, permissions, a restored modification time) counts as recent too.
        return stamp.modified().toMillis() < oldest && (stamp.changed() == null || stamp.changed().toMillis() < oldest);
    }

    /**
     * How long an emptied file must stay untouched to be believed: the quiet period, but at least
     * {@link #MIN_CONFIRMATION}, since a tiny quiet period would believe the gap between a truncation and a write
     * on a busy machine. Emptying a configuration file on purpose is rare; waiting a little longer for it costs
     * nothing that matters.
     */
    Duration confirmation() {
        return quietPeriod.compareTo(MIN_CONFIRMATION) > 0 ? quietPeriod : MIN_CONFIRMATION;
    }

    /** A moment: long enough for a writer to finish a burst, short against the quiet period. */
    private Duration retryPause() {
        long ms = Math.max(1, Math.min(50, quietPeriod.toMillis() / 4));
        return Duration.ofMillis(ms);
    }

    private void sleep(Duration d, Path file) throws FileReads.Refusal {
        try {
            pause.pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileReads.Refusal(FileReads.Kind.IO, "reading " + file + " was interrupted", e);
        }
    }

    /** The attributes a stamp needs, read with one {@code stat} where the {@code unix} view exists. */
    private static final String UNIX_STAMP = "unix:size,lastModifiedTime,ctime,fileKey,isRegularFile,isDirectory";

    private static Stamp stamp(Path file) throws FileReads.Refusal {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            BasicFileAttributes a = FileReads.attributes(file);
            return new Stamp(a.size(), a.lastModifiedTime(), null, a.fileKey());
        }
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, UNIX_STAMP);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // The type checks and the refusal wording are FileReads' own.
            BasicFileAttributes b = FileReads.attributes(file);
            return new Stamp(b.size(), b.lastModifiedTime(), null, b.fileKey());
        }
        if (Boolean.TRUE.equals(a.get("isDirectory")) || !Boolean.TRUE.equals(a.get("isRegularFile"))) {
            FileReads.attributes(file);
            throw new FileReads.Refusal(FileReads.Kind.NOT_REGULAR, "is not a regular file (a FIFO, socket or "
                    + "device); refusing to open it, as reading it could block for ever", null);
        }
        return new Stamp((Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"),
                a.get("fileKey"));
    }

    /**
     * What the file system says about a file at one moment. {@code equals} is written out: the generated one is
     * bootstrapped through {@code ObjectMethods} on first call, a cost every cold start would pay on its first read.
     * A component added to the record must be added to {@code equals} and {@code hashCode} too.
     *
     * @param changed the status-change time ({@code ctime}), or {@code null} where the file system does not say
     */
    private record Stamp(long size, FileTime modified, FileTime changed, Object fileKey) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Stamp s && s.size == size && Objects.equals(s.modified, modified)
                    && Objects.equals(s.changed, changed) && Objects.equals(s.fileKey, fileKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(size, modified, changed, fileKey);
        }
    }

    /** Content read with the stamp that held across the read. */
    private record Stamped(byte[] bytes, Stamp stamp) {
    }

    /** A settled file's content at its last read. */
    private record Known(Stamp stamp, byte[] bytes) {
    }
}
