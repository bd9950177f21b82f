package dev.lamina.config.internal.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads an audit log as raw lines: the chain is over bytes, so lines are never decoded and re-encoded.
 *
 * <p>Not thread-safe; one reader per stream.
 */
public final class AuditLines implements AutoCloseable {

    /**
     * One line.
     *
     * @param bytes      the line without its terminator
     * @param terminated whether a {@code \n} followed it (a missing one on the last line means a torn write)
     */
    public record Line(byte[] bytes, boolean terminated) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

    /** @param in the log's content, read from the start */
    public AuditLines(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /**
     * @return the next line, or {@code null} at the end of the stream
     * @throws IOException when reading fails
     */
    public Line next() throws IOException {
        buffer.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return new Line(buffer.toByteArray(), true);
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : new Line(buffer.toByteArray(), false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Finds where the last line starts, reading backwards from the end, so that opening a large log does
     * not read all of it.
     *
     * @param ch   the log, open for reading
     * @param size its size
     * @return the offset of the first byte of the last line (the line after the last {@code \n} that is not
     *         the final byte), 0 when there is only one line
     * @throws IOException when reading fails
     */
    public static long lastLineStart(FileChannel ch, long size) throws IOException {
        long end = size;
        if (end > 0 && byteAt(ch, end - 1) == '\n') {
            end--; // the terminator of the last line itself
        }
        ByteBuffer buf = ByteBuffer.allocate(8192);
        long pos = end;
        while (pos > 0) {
            int n = (int) Math.min(buf.capacity(), pos);
            buf.clear().limit(n);
            long from = pos - n;
            while (buf.hasRemaining()) {
                if (ch.read(buf, from + buf.position()) < 0) {
                    throw new IOException("file shrank while reading");
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from;
        }
        return 0;
    }

    private static int byteAt(FileChannel ch, long pos) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        if (ch.read(one, pos) < 1) {
            throw new IOException("file shrank while reading");
        }
        return one.get(0);
    }
}
