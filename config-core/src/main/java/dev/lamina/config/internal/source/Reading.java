package dev.lamina.config.internal.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.Failures;

/** Bounded reading shared by the file-like sources: never holds more than the document limit plus one byte. */
final class Reading {

    private Reading() {
    }

    static byte[] readBounded(String source, InputStream in, ParseLimits limits) throws IOException {
        long max = limits.maxDocumentBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw Failures.limit(Origin.of(source), null, "document size (more than " + max + " bytes)",
                        "maxDocumentBytes", max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A reason for an I/O failure that names the kind of problem, never the OS message (which may hold paths of others). */
    static ConfigSourceException failure(String source, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "file not found";
        } else if (e instanceof AccessDeniedException) {
            reason = "cannot read file (permission denied)";
        } else {
            reason = "cannot read file (" + e.getClass().getSimpleName() + ")";
        }
        return new ConfigSourceException(Origin.of(source), null, reason, e);
    }
}
