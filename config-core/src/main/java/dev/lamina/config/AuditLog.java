package dev.lamina.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

import dev.lamina.config.internal.audit.AuditChain;
import dev.lamina.config.internal.audit.AuditEncoder;
import dev.lamina.config.internal.audit.AuditLines;
import dev.lamina.config.spi.AtomicFiles;

/**
 * An append-only, hash-chained, crash-safe audit log: one JSON line per applied or rejected change.
 *
 * <p>Each {@link #append} writes one line and forces it to disk before returning; if that fails it
 * throws {@link ConfigAuditException}, and the caller must then not apply the change. Each line carries
 * {@code prev}, the SHA-256 of the previous line's bytes, and {@code hash}, the SHA-256 of its own
 * content, so {@link #verify} finds altered, removed, inserted and torn records and names the line (format
 * and scheme: {@code docs/audit-log.md}).
 *
 * <p>Secrets: callers pass values already masked for display, and the log masks again by path with its
 * {@link SecretPolicy} (defence in depth): the value of any secret path, at any depth inside an object or
 * list value, and every {@code ENC[...]} value is written as {@value SecretPolicy#MASK}. A secret inside
 * the text of a non-secret value (a password embedded in a URL) cannot be recognised: mark such paths
 * secret.
 *
 * <p>One writer per file: appends take an exclusive file lock and check that the file still has the size
 * this instance left it at, so a second writer (another process, or another {@code AuditLog} on the same
 * file) or a truncation is detected and refused instead of forking the chain.
 *
 * <p>Thread-safe: appends are serialised.
 */
public final class AuditLog {

    private final Path file;
    private final Clock clock;
    private final AuditEncoder encoder;

    // Guarded by `this`: where the chain continues.
    private long lastSequence;
    private String prev;
    private long size;

    private AuditLog(Path file, SecretPolicy policy, Clock clock, long lastSequence, String prev, long size) {
        this.file = file;
        this.clock = clock;
        this.encoder = new AuditEncoder(policy);
        this.lastSequence = lastSequence;
        this.prev = prev;
        this.size = size;
    }

    /**
     * Opens (creating it, owner-only, when missing) the audit log at {@code file}, with the default secret
     * policy and the UTC system clock.
     *
     * @param file the log file; its directory must exist
     * @return the log, positioned to continue the chain
     * @throws ConfigAuditException as for {@link #open(Path, SecretPolicy, Clock)}
     */
    public static AuditLog open(Path file) {
        return open(file, SecretPolicy.DEFAULT, Clock.systemUTC());
    }

    /**
     * Opens (creating it, owner-only, when missing) the audit log at {@code file}.
     *
     * <p>Reads the last line to continue the chain, and checks that it is complete and intact and that
     * the number of lines matches its sequence number. The rest of the chain is not read; use
     * {@link #verify} for that.
     *
     * @param file   the log file; its directory must exist
     * @param policy which paths are secret
     * @param clock  the source of the records' time stamps
     * @return the log, positioned to continue the chain
     * @throws ConfigAuditException naming the file (and line) when it cannot be created, read or written, or its last
     *                              line is torn or does not verify; a torn line can be removed with
     *                              {@link #repair}
     */
    public static AuditLog open(Path file, SecretPolicy policy, Clock clock) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Path log = Objects.requireNonNull(file, "file").toAbsolutePath();
        createIfMissing(log);
        if (!Files.isWritable(log)) {
            // Fail at construction: discovering it at the first change would reject that change.
            throw new ConfigAuditException(Origin.of(log.toString()),
                    "the audit log is not writable by this process; changes cannot be audited");
        }
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return new AuditLog(log, policy, clock, 0, AuditChain.GENESIS, 0);
            }
            long start = AuditLines.lastLineStart(ch, size);
            byte[] tail = new byte[Math.toIntExact(size - start)];
            readFully(ch, ByteBuffer.wrap(tail), start);
            long lines = countLines(log);
            if (tail[tail.length - 1] != '\n') {
                throw new ConfigAuditException(Origin.of(log.toString(), Math.toIntExact(lines + 1), -1),
                        "the last record is torn (an incomplete write, probably a crash); run AuditLog.repair"
                                + " to move it aside, then open the log again");
            }
            byte[] last = Arrays.copyOf(tail, tail.length - 1);
            String problem = AuditChain.problemOf(last, lines, null);
            if (problem != null) {
                throw new ConfigAuditException(Origin.of(log.toString(), Math.toIntExact(lines), -1),
                        problem + "; refusing to continue the chain (run AuditLog.verify to inspect the log)");
            }
            return new AuditLog(log, policy, clock, lines, AuditChain.sha256Hex(last, last.length), size);
        } catch (IOException e) {
            throw new ConfigAuditException(Origin.of(log.toString()),
                    "cannot read the audit log (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Writes one record, stamped with the clock's current time and the next sequence number, and forces it
     * to disk.
     *
     * @param record what happened
     * @return the record's sequence number (its line number in the file)
     * @throws ConfigAuditException naming the file when the record cannot be written durably, or the file
     *                              was changed by another writer; the change must then not be applied
     */
    public synchronized long append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        long seq = lastSequence + 1;
        byte[] sealed = AuditChain.seal(encoder.body(record, seq, clock.instant(), prev));
        byte[] line = Arrays.copyOf(sealed, sealed.length + 1);
        line[sealed.length] = '\n';
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = ch.lock()) {
            long found = ch.size();
            if (found != size) {
                throw new ConfigAuditException(Origin.of(file.toString()), "the audit log was changed by another"
                        + " writer since it was opened (expected " + size + " bytes, found " + found
                        + "); open it again and run AuditLog.verify");
            }
            try {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            } catch (IOException e) {
                // Take back a partial line so that the chain stays intact for the next attempt.
                ch.truncate(size);
                throw e;
            }
        } catch (IOException | OverlappingFileLockException e) {
            throw new ConfigAuditException(Origin.of(file.toString()), "cannot write the audit record ("
                    + e.getClass().getSimpleName() + "); the change must not be applied", e);
        }
        lastSequence = seq;
        prev = AuditChain.sha256Hex(sealed, sealed.length);
        size += line.length;
        return seq;
    }

    /** @return the log file (absolute) */
    public Path file() {
        return file;
    }

    /** @return the sequence number of the last record written, 0 for an empty log */
    public synchronized long lastSequence() {
        return lastSequence;
    }

    /**
     * Checks every line of a log: valid JSON, its own {@code hash}, the {@code prev} link to the line
     * before, and the sequence number. Stops at the first problem.
     *
     * @param file the log file
     * @return the outcome, with the first broken line and the reason when invalid; a missing file is an
     *         error, an empty file is a valid log of no records
     * @throws ConfigAuditException naming the file when it cannot be read
     */
    public static AuditVerification verify(Path file) {
        Path log = Objects.requireNonNull(file, "file").toAbsolutePath();
        try (AuditLines lines = new AuditLines(Files.newInputStream(log))) {
            String prev = AuditChain.GENESIS;
            String head = null;
            long n = 0;
            for (AuditLines.Line line = lines.next(); line != null; line = lines.next()) {
                long number = n + 1;
                if (!line.terminated()) {
                    return AuditVerification.broken(n, number, "torn last line (no line terminator; the writer"
                            + " stopped in the middle of the record); AuditLog.repair removes it", head);
                }
                String problem = AuditChain.problemOf(line.bytes(), number, prev);
                if (problem != null) {
                    return AuditVerification.broken(n, number, problem, head);
                }
                prev = head = AuditChain.sha256Hex(line.bytes(), line.bytes().length);
                n = number;
            }
            return AuditVerification.ok(n, head);
        } catch (IOException e) {
            throw new ConfigAuditException(Origin.of(log.toString()),
                    "cannot read the audit log (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Removes a torn last line (one without its line terminator, left by a crash during a write) so the log
     * can be opened again. The removed bytes are kept beside the log in
     * {@code <name>.torn-<epoch millis>} for inspection. Nothing else is ever changed: damage anywhere else
     * is evidence, not something to repair.
     *
     * @param file the log file
     * @return the number of bytes removed; 0 when the log verified and nothing was done
     * @throws ConfigAuditException naming the file and line when the log is damaged other than by a torn last
     *                              line, or it cannot be read or written
     */
    public static long repair(Path file) {
        Path log = Objects.requireNonNull(file, "file").toAbsolutePath();
        AuditVerification v = verify(log);
        if (v.valid()) {
            return 0;
        }
        int brokenLine = Math.toIntExact(v.brokenLine().orElseThrow());
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long start = AuditLines.lastLineStart(ch, size);
            boolean tornLastLine = brokenLine == v.records() + 1 && lastByte(ch, size) != '\n'
                    && brokenLine == countLines(log) + 1;
            if (!tornLastLine) {
                throw new ConfigAuditException(Origin.of(log.toString(), brokenLine, -1), v.problem().orElseThrow()
                        + "; only a torn last line can be repaired: keep this file as evidence and start a new log");
            }
            byte[] torn = new byte[Math.toIntExact(size - start)];
            readFully(ch, ByteBuffer.wrap(torn), start);
            AtomicFiles.write(log.resolveSibling(log.getFileName() + ".torn-" + System.currentTimeMillis()), torn);
            ch.truncate(start);
            ch.force(true);
            return torn.length;
        } catch (IOException | ConfigSourceException e) {
            throw new ConfigAuditException(Origin.of(log.toString(), brokenLine, -1),
                    "cannot repair the audit log (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void createIfMissing(Path log) {
        if (Files.exists(log)) {
            return;
        }
        try {
            if (Files.getFileStore(log.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(log);
            }
            AtomicFiles.forceDirectory(log.getParent());
        } catch (FileAlreadyExistsException e) {
            // Created by someone else in the meantime: read it like any existing log.
        } catch (IOException e) {
            throw new ConfigAuditException(Origin.of(log.toString()), "cannot create the audit log ("
                    + e.getClass().getSimpleName() + "); changes cannot be audited", e);
        }
    }

    private static long countLines(Path log) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(log)) {
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(ch, one, size - 1);
        return one.get(0);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    @Override
    public String toString() {
        return "AuditLog[" + file + "]";
    }

}
