package dev.lamina.config.etcd.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;
import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;
import dev.lamina.config.spi.AtomicFiles;

/**
 * The last-known-good file: the key-values of the content in force and the revision they were read at, as JSON,
 * written crash-safely (temporary file, fsync, atomic rename, directory fsync) with owner-only permissions where the
 * file system has POSIX permissions. It never holds credentials or endpoints.
 */
public final class LastKnownGood {

    static final String FORMAT = "lamina-etcd-last-known-good/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LastKnownGood() {
    }

    /** What the file holds. */
    public record Content(String prefix, long revision, List<KeyValueData> kvs) {
    }

    /**
     * @param file    the file
     * @param content what to keep
     * @throws ConfigSourceException when it cannot be written
     */
    public static void write(Path file, Content content) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("prefix", content.prefix())
                .put("revision", Long.toString(content.revision()));
        ArrayNode kvs = root.putArray("kvs");
        for (KeyValueData kv : content.kvs()) {
            kvs.addObject().put("key", kv.key()).put("value", Base64.getEncoder().encodeToString(kv.value()))
                    .put("create_revision", Long.toString(kv.createRevision()))
                    .put("mod_revision", Long.toString(kv.modRevision()))
                    .put("version", Long.toString(kv.version()));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(file)) {
                // AtomicFiles keeps the target's permissions: create it owner-only first, since it holds values.
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                    // no POSIX permissions here, or created meanwhile: AtomicFiles copes either way
                }
            }
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "cannot write the etcd last-known-good "
                    + "file (" + e.getClass().getSimpleName() + "); fix: make its directory writable", e);
        }
    }

    /**
     * @param file   the file
     * @param prefix the prefix the source reads; a file for another prefix is refused
     * @return the content, or empty when the file does not exist
     * @throws ConfigSourceException when it exists but cannot be read or is not a last-known-good file of this prefix
     */
    public static Optional<Content> read(Path file, String prefix) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "cannot read the etcd last-known-good "
                    + "file (" + e.getClass().getSimpleName() + "); fix: delete it so the source waits for etcd", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "not an etcd last-known-good file "
                    + "(format " + FORMAT + " expected); fix: point lastKnownGood at a file of its own");
        }
        if (!prefix.equals(root.path("prefix").asText())) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "the last-known-good file holds prefix "
                    + root.path("prefix").asText() + ", not " + prefix + "; fix: give each source a file of its own");
        }
        List<KeyValueData> kvs = new ArrayList<>();
        try {
            for (JsonNode kv : root.path("kvs")) {
                kvs.add(new KeyValueData(kv.path("key").asText(), Base64.getDecoder().decode(kv.path("value").asText()),
                        kv.path("create_revision").asLong(), kv.path("mod_revision").asLong(),
                        kv.path("version").asLong()));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "the last-known-good file is damaged "
                    + "(bad base64); fix: delete it so the source waits for etcd");
        }
        return Optional.of(new Content(prefix, root.path("revision").asLong(), kvs));
    }
}
