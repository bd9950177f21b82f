package dev.lamina.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lamina.config.internal.secret.Envelope;
import dev.lamina.config.spi.AtomicFiles;

/**
 * Re-encrypts every {@code ENC[v1,...]} value of configuration files under another key id (a key rotation),
 * rewriting each file in place: only the envelope text changes, so comments, key order, quoting and layout stay
 * exactly as written in every format. Each value is decrypted at its path in the file's own tree and encrypted again
 * for the same path; the rewritten text is parsed again and every new envelope checked before the file is replaced
 * crash-safely (temporary file, fsync, atomic rename; permissions kept). A file with any value that cannot be
 * decrypted, or whose envelope is written with escapes the rewrite cannot find ({@code \/} in JSON, {@code \:} in
 * {@code .properties}), is left unchanged and the rotation fails naming it.
 *
 * <p>Values held outside files (environment variables, remote stores) are not rewritten: re-encrypt them with
 * {@code configctl encrypt}. Stateless; thread-safe, but two rotations of one file at once are not coordinated.
 */
public final class EnvelopeRotation {

    private EnvelopeRotation() {
    }

    /**
     * What a rotation did to one file.
     *
     * @param file    the file
     * @param rotated how many values were re-encrypted (0: the file was not written)
     */
    public record Result(Path file, int rotated) {
    }

    /**
     * Rotates every configuration file below a directory (by extension; Kubernetes' {@code ..} entries and the
     * signature file are skipped). Every file is checked before any is written, so a failure changes nothing.
     *
     * @param directory the configuration directory
     * @param keyring   holds the keys of the current envelopes and {@code newKeyId}
     * @param newKeyId  the key id to encrypt with
     * @return one result per file holding envelopes
     * @throws ConfigSecretException when a value cannot be decrypted or rewritten; nothing is written then
     * @throws IllegalArgumentException if {@code newKeyId} is not in the keyring
     */
    public static List<Result> rotateDirectory(Path directory, Keyring keyring, String newKeyId) {
        checkKey(keyring, newKeyId);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !directory.relativize(p).toString().startsWith(".."))
                    .filter(p -> !p.getFileName().toString().equals(BundleSignature.FILE_NAME))
                    .filter(p -> Format.fromFileName(p.getFileName().toString()).isPresent())
                    .sorted()
                    .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigSecretException(Origin.of(directory.toString()), null, "cannot list the directory ("
                    + e.getClass().getSimpleName() + ")");
        }
        Map<Path, Rewrite> rewrites = new LinkedHashMap<>();
        for (Path f : files) {
            Rewrite r = prepare(f, keyring, newKeyId);
            if (r.count > 0) {
                rewrites.put(f, r);
            }
        }
        List<Result> results = new ArrayList<>();
        rewrites.forEach((f, r) -> {
            AtomicFiles.write(f, r.text.getBytes(StandardCharsets.UTF_8));
            results.add(new Result(f, r.count));
        });
        return results;
    }

    /**
     * Rotates one file.
     *
     * @param file     a configuration file (format by extension)
     * @param keyring  holds the keys of the current envelopes and {@code newKeyId}
     * @param newKeyId the key id to encrypt with
     * @return what was done
     * @throws ConfigSecretException when a value cannot be decrypted or rewritten; the file is unchanged then
     * @throws IllegalArgumentException if {@code newKeyId} is not in the keyring
     */
    public static Result rotate(Path file, Keyring keyring, String newKeyId) {
        checkKey(keyring, newKeyId);
        Rewrite r = prepare(file, keyring, newKeyId);
        if (r.count > 0) {
            AtomicFiles.write(file, r.text.getBytes(StandardCharsets.UTF_8));
        }
        return new Result(file, r.count);
    }

    private record Rewrite(String text, int count) {
    }

    private static void checkKey(Keyring keyring, String newKeyId) {
        if (!keyring.hasKey(newKeyId)) {
            throw new IllegalArgumentException("key id '" + newKeyId + "' is not in the keyring (known: "
                    + keyring.keyIds() + "; fix: configctl keygen --key-id " + newKeyId + " first)");
        }
    }

    private static Rewrite prepare(Path file, Keyring keyring, String newKeyId) {
        String name = file.toString();
        Optional<Format> format = Format.fromFileName(file.getFileName().toString());
        if (format.isEmpty()) {
            throw new ConfigSecretException(Origin.of(name), null, "not a configuration file (unknown extension)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigSecretException(Origin.of(name), null, "cannot read the file ("
                    + e.getClass().getSimpleName() + ")");
        }
        Map<ConfigPath, ConfigScalar> envelopes = envelopes(name, format.get(), text);
        if (envelopes.isEmpty()) {
            return new Rewrite(text, 0);
        }
        Map<ConfigPath, String> plain = new LinkedHashMap<>();
        String out = text;
        for (Map.Entry<ConfigPath, ConfigScalar> e : envelopes.entrySet()) {
            ConfigPath path = e.getKey();
            String old = e.getValue().text();
            String value;
            try {
                value = keyring.decrypt(path.toString(), old);
            } catch (ConfigSecretException ex) {
                throw new ConfigSecretException(e.getValue().origin(), path, ex.reason()
                        + "; nothing was rotated");
            }
            if (!out.contains(old)) {
                throw new ConfigSecretException(e.getValue().origin(), path, "the envelope is written with escapes, "
                        + "so it cannot be rewritten in place (fix: write it without escapes); nothing was rotated");
            }
            plain.put(path, value);
            out = out.replace(old, keyring.encrypt(path.toString(), value, newKeyId));
        }
        // The rewritten text must hold the same values at the same paths, now under the new key.
        Map<ConfigPath, ConfigScalar> after = envelopes(name, format.get(), out);
        if (!after.keySet().equals(envelopes.keySet())) {
            throw new ConfigSecretException(Origin.of(name), null, "the rewritten file does not hold the same encrypted "
                    + "paths (an envelope also appears elsewhere in the text); nothing was rotated");
        }
        for (Map.Entry<ConfigPath, ConfigScalar> e : after.entrySet()) {
            String text2 = e.getValue().text();
            if (!Envelope.parse(text2).keyId().equals(newKeyId)
                    || !keyring.decrypt(e.getKey().toString(), text2).equals(plain.get(e.getKey()))) {
                throw new ConfigSecretException(e.getValue().origin(), e.getKey(), "the rewritten value does not "
                        + "read back; nothing was rotated");
            }
        }
        return new Rewrite(out, envelopes.size());
    }

    private static Map<ConfigPath, ConfigScalar> envelopes(String name, Format format, String text) {
        ConfigObject root = ConfigDocuments.parse(name, format, text, ParseLimits.DEFAULTS);
        Map<ConfigPath, ConfigScalar> out = new LinkedHashMap<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(ConfigNode node, List<String> trail, Map<ConfigPath, ConfigScalar> out) {
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                trail.add(e.getKey());
                collect(e.getValue(), trail, out);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                trail.add(Integer.toString(i));
                collect(l.items().get(i), trail, out);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigScalar s && Envelope.looksLikeEnvelope(s.text())) {
            out.put(ConfigPath.of(trail), s);
        }
    }
}
