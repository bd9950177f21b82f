package dev.lamina.config.internal.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.Failures;
import dev.lamina.config.internal.parse.PathTree;

/**
 * A directory with one file per key, as Kubernetes mounts a ConfigMap or Secret volume: the file name is the
 * config path ({@code database.pool.max_size}, {@code hosts.0}), the content (UTF-8, exactly as stored) its string
 * value. Names starting with {@code .} are skipped, which leaves out Kubernetes' own {@code ..data} link and
 * {@code ..<timestamp>} directory; the per-key symbolic links into them are followed. Read again on every
 * {@link #read}. Immutable.
 */
public final class KeyPerFileSource implements ConfigSource {

    private final Path dir;
    private final String name;

    private final FileReads reads = new FileReads(FileReads.DEFAULT_TIMEOUT);

    /** @param dir the directory */
    public KeyPerFileSource(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.name = dir.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ConfigSourceException(Origin.of(name), null, "the directory does not exist");
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(name), null, "cannot list the directory ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        files.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        if (files.size() > limits.maxNodes()) {
            throw Failures.limit(Origin.of(name), null, "number of files (" + files.size() + ")", "maxNodes",
                    limits.maxNodes());
        }
        PathTree tree = new PathTree(Origin.of(name));
        for (Path file : files) {
            String key = file.getFileName().toString();
            Origin origin = Origin.of(file.toString());
            ConfigPath path;
            try {
                path = ConfigPath.parse(key);
            } catch (IllegalArgumentException e) {
                throw new ConfigSourceException(origin, null, "the file name is not a config path (empty segment, "
                        + "unclosed quote or bracket); rename the key");
            }
            if (path.size() > limits.maxDepth()) {
                throw Failures.limit(origin, null, "nesting depth (" + path.size() + ")", "maxDepth", limits.maxDepth());
            }
            String value = content(file, origin, limits);
            Optional<PathTree.Conflict> conflict = tree.put(path.segments(), ConfigScalar.string(value, origin));
            if (conflict.isPresent()) {
                throw new ConfigSourceException(origin, path, "clashes with " + conflict.get().origin().source()
                        + " (a path cannot be both a value and a parent, nor be given twice)");
            }
        }
        return List.of(new Layer(name, tree.build()));
    }

    private String content(Path file, Origin origin, ParseLimits limits) {
        byte[] bytes;
        try {
            // Bounded in time too: a file swapped for a FIFO after the listing must not hang the read.
            bytes = reads.read(file, limits.maxStringLength() * 4L);
        } catch (FileReads.Refusal r) {
            if (r.kind() == FileReads.Kind.TOO_LARGE) {
                throw Failures.limit(origin, null, "file size", "maxStringLength", limits.maxStringLength());
            }
            throw new ConfigSourceException(origin, null, r.getMessage(), r.getCause());
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.length() > limits.maxStringLength()) {
                throw Failures.limit(origin, null, "string length (" + s.length() + " characters)",
                        "maxStringLength", limits.maxStringLength());
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new ConfigSourceException(origin, null, "the file is not valid UTF-8 (binary values cannot be "
                    + "configuration strings)");
        }
    }

    @Override
    public String toString() {
        return "key-per-file " + name;
    }
}
