package dev.lamina.config.internal.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads whole files so that no file can hang the caller: a file that is not a regular file (a FIFO, a socket, a
 * device) is refused before it is opened, and the read itself runs on a helper thread the caller waits for at
 * most the timeout. The check alone is not enough: a file can be swapped for a FIFO between the check and the
 * open, and a network file system can stall a read of a regular file; the timeout covers both.
 *
 * <p>A read that times out leaves its helper thread blocked in the operating system (Java cannot interrupt an
 * {@code open(2)} of a FIFO); at most {@link #MAX_THREADS} such threads exist, after which reads are refused
 * at once rather than piling up threads. Helper threads are daemons and end after 5 s idle, so an instance needs
 * no closing. Thread-safe.
 */
public final class FileReads {

    /** The default bound of one read. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Most helper threads, blocked ones included. */
    static final int MAX_THREADS = 32;

    /** Why a read was refused; the reason names the file and never its content. */
    public enum Kind {
        /** The file does not exist. */
        NOT_FOUND,
        /** The path names a directory. */
        DIRECTORY,
        /** A FIFO, socket, device or other special file. */
        NOT_REGULAR,
        /** The file is larger than the bound. */
        TOO_LARGE,
        /** The read took longer than the timeout. */
        TIMEOUT,
        /** Another I/O failure (permissions, I/O error). */
        IO
    }

    /** A refused or failed read. */
    public static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        private final Kind kind;

        Refusal(Kind kind, String reason, Throwable cause) {
            super(reason, cause, false, false);
            this.kind = kind;
        }

        /** @return why */
        public Kind kind() {
            return kind;
        }
    }

    private final Duration timeout;
    private final ThreadPoolExecutor helpers;

    /** Set while one of our helpers runs work: work nested in it runs inline, so a batch is one hand-over. */
    private final ThreadLocal<Boolean> onHelper = new ThreadLocal<>();

    /**
     * @param timeout the longest a read may take; positive
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public FileReads(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the read timeout must be positive, got " + timeout);
        }
        this.helpers = new ThreadPoolExecutor(0, MAX_THREADS, 5, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DaemonThreads("lamina-file-read"));
    }

    /** @return the bound of one read */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Checks that {@code file} (following symbolic links) is a regular file, then reads it in full.
     *
     * @param file     the file
     * @param maxBytes the most bytes accepted; one more is a {@link Kind#TOO_LARGE} refusal
     * @return the bytes
     * @throws Refusal when the file is missing, not a regular file, too large, unreadable or too slow
     */
    public byte[] read(Path file, long maxBytes) throws Refusal {
        BasicFileAttributes attributes = attributes(file);
        if (attributes.size() > maxBytes) {
            throw new Refusal(Kind.TOO_LARGE, "is larger than " + maxBytes + " bytes", null);
        }
        return readChecked(file, maxBytes);
    }

    /**
     * @param file a path
     * @return its attributes, following symbolic links
     * @throws Refusal when it does not exist, is a directory or is not a regular file
     */
    public static BasicFileAttributes attributes(Path file) throws Refusal {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refusal(Kind.NOT_FOUND, "file not found", e);
        } catch (IOException e) {
            throw ioFailure(e);
        }
        if (attributes.isDirectory()) {
            throw new Refusal(Kind.DIRECTORY, "is a directory, not a file", null);
        }
        if (!attributes.isRegularFile()) {
            throw new Refusal(Kind.NOT_REGULAR, "is not a regular file (a FIFO, socket or device); "
                    + "refusing to open it, as reading it could block for ever", null);
        }
        return attributes;
    }

    /** Reads on a helper thread, bounded in time and size; no type check (tests reach the timeout through it). */
    byte[] readChecked(Path file, long maxBytes) throws Refusal {
        return withTimeout(new BoundedRead(file, maxBytes));
    }

    // The hand-over's work and task are classes, not lambdas: they run on every load, and the first lambda a
    // process meets that the JDK has not archived loads the whole lambda-spinning machinery (about 45 classes and
    // several ms of a cold start; docs/performance.md, "Start-up").

    /** {@link #readBounded} as work for a helper. */
    private static final class BoundedRead implements FileWork<byte[]> {
        private final Path file;
        private final long maxBytes;

        BoundedRead(Path file, long maxBytes) {
            this.file = file;
            this.maxBytes = maxBytes;
        }

        @Override
        public byte[] run() throws IOException, Refusal {
            return readBounded(file, maxBytes);
        }
    }

    /** Runs work on a helper thread, marked as such so that nested work runs inline. */
    private final class OnHelper<T> implements Callable<T> {
        private final FileWork<T> work;

        OnHelper(FileWork<T> work) {
            this.work = work;
        }

        @Override
        public T call() throws Exception {
            onHelper.set(Boolean.TRUE);
            try {
                return work.run();
            } finally {
                onHelper.remove();
            }
        }
    }

    /**
     * How a whole file is read ({@link #read} is one way).
     */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param file     the file
         * @param maxBytes the most bytes accepted
         * @return the bytes
         * @throws Refusal when the file is missing, not a regular file, too large, unreadable or too slow
         */
        byte[] read(Path file, long maxBytes) throws Refusal;
    }

    /**
     * Work on one file that may block: several reads and checks done in one hand-over to a helper thread.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface FileWork<T> {
        /**
         * @return the result
         * @throws IOException on an I/O failure
         * @throws Refusal     when the work refuses the file
         */
        T run() throws IOException, Refusal;
    }

    /**
     * Runs {@code work} on a helper thread and waits for it at most the timeout; use {@link #readOnHelper} inside
     * it to read. One hand-over however many reads the work makes, which keeps a reload's cost close to a plain
     * read.
     *
     * @param <T>  the result
     * @param work the reads and checks
     * @return what the work returned
     * @throws Refusal when the work refuses, fails or takes longer than the timeout
     */
    public <T> T withTimeout(FileWork<T> work) throws Refusal {
        if (Boolean.TRUE.equals(onHelper.get())) {
            // Already on a helper inside an outer withTimeout, which bounds the whole batch.
            try {
                return work.run();
            } catch (IOException e) {
                throw ioFailure(e);
            }
        }
        Future<T> read;
        try {
            read = helpers.submit(new OnHelper<>(work));
        } catch (RejectedExecutionException e) {
            throw new Refusal(Kind.TIMEOUT, "cannot be read now: " + MAX_THREADS
                    + " earlier reads are still blocked (a FIFO or a stalled file system)", null);
        }
        try {
            return read.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new Refusal(Kind.TIMEOUT, "reading took longer than " + describe(timeout)
                    + " (a blocking file or a stalled file system; the limit is ConfigurationOptions.readTimeout)",
                    null);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new Refusal(Kind.IO, "reading was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Refusal r) {
                throw new Refusal(r.kind(), r.getMessage(), r.getCause());
            }
            if (cause instanceof IOException io) {
                throw ioFailure(io);
            }
            throw new Refusal(Kind.IO, "cannot read file (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    /**
     * Reads a file in full on the calling thread, refusing more than {@code maxBytes}; only for use inside
     * {@link #withTimeout} work, after {@link #attributes} said the file is regular.
     *
     * @param file     the file
     * @param maxBytes the most bytes accepted
     * @return the bytes
     * @throws IOException on an I/O failure
     * @throws Refusal     when the file is larger
     */
    public static byte[] readOnHelper(Path file, long maxBytes) throws IOException, Refusal {
        return readBounded(file, maxBytes);
    }

    private static byte[] readBounded(Path file, long maxBytes) throws IOException, Refusal {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    // Read one byte past the limit instead of trusting the size: the file may grow meanwhile.
                    throw new Refusal(Kind.TOO_LARGE, "is larger than " + maxBytes + " bytes", null);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static Refusal ioFailure(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new Refusal(Kind.NOT_FOUND, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new Refusal(Kind.IO, "cannot read file (permission denied)", e);
        }
        // The OS message may name other paths: the exception type only.
        return new Refusal(Kind.IO, "cannot read file (" + e.getClass().getSimpleName() + ")", e);
    }

    /** {@code 5s}, {@code 250ms}: the form the options and the CLI accept. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
