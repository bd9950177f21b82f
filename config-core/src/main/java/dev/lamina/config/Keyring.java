package dev.lamina.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.lamina.config.internal.secret.Envelope;
import dev.lamina.config.internal.secret.EnvelopeCrypto;
import dev.lamina.config.internal.secret.EnvelopeDecoder;
import dev.lamina.config.internal.secret.KeyFiles;

/**
 * Key ids mapped to 256-bit AES keys, with one primary key id for new encryptions; the other keys still decrypt
 * values written under them, which is what a rotation needs. Encrypts and decrypts
 * {@code ENC[v1,AES256_GCM,kid:<id>,iv:<b64>,data:<b64>,tag:<b64>]} envelopes with the config path as
 * authenticated data, so a value copied to another path does not decrypt.
 *
 * <p>Sources of keys: a key file ({@link #load(Path)}, refused when group or others may access it), the product's
 * {@code CONFIG_ENCRYPTION_KEY} variable ({@link #fromEnvironment(Function)}), or code ({@link #of(String, byte[])}).
 * Hand a keyring to {@link ConfigurationOptions.Builder#keyring(Keyring)} to decrypt values while loading.
 *
 * <p>Immutable and thread-safe; {@code with…} methods return new keyrings. {@code toString} names the key ids,
 * never a key.
 */
public final class Keyring {

    /** The product's variable holding a key: base64, optionally {@code kid:} prefixed; several separated by commas. */
    public static final String ENVIRONMENT_VARIABLE = "CONFIG_ENCRYPTION_KEY";

    /** The key id of a {@code CONFIG_ENCRYPTION_KEY} written without one. */
    public static final String DEFAULT_KEY_ID = "default";

    private static final String HEADER = "# Lamina keyring: keep it private (chmod 600). 'primary' names the key that"
            + " encrypts new values; every key decrypts.\n";

    private final Map<String, byte[]> keys;
    private final String primary;

    private Keyring(Map<String, byte[]> keys, String primary) {
        this.keys = Collections.unmodifiableMap(keys);
        this.primary = primary;
    }

    /**
     * @param keyId a key id: letters, digits, {@code .}, {@code _}, {@code -}, at most 64, starting with a letter
     *              or digit
     * @param key   exactly 32 bytes (copied)
     * @return a keyring holding this key as its primary
     * @throws IllegalArgumentException if the id is malformed or the key is not 32 bytes
     */
    public static Keyring of(String keyId, byte[] key) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(checkId(keyId), checkKey(keyId, key));
        return new Keyring(keys, keyId);
    }

    /**
     * @param keyId the key id of a new random key
     * @return a keyring holding only that key
     */
    public static Keyring generate(String keyId) {
        return of(keyId, EnvelopeCrypto.newKey());
    }

    /**
     * Adds a fresh random 256-bit key and makes it the primary: what {@code configctl keygen} does.
     *
     * @param keyId an id not yet in this keyring
     * @return the new keyring
     * @throws IllegalArgumentException if the id is malformed or already present
     */
    public Keyring withGeneratedPrimary(String keyId) {
        return withKey(keyId, EnvelopeCrypto.newKey()).withPrimary(keyId);
    }

    /**
     * @param keyId an id not yet in this keyring
     * @param key   exactly 32 bytes (copied)
     * @return a keyring with the key added; the primary is unchanged
     * @throws IllegalArgumentException if the id is malformed or present, or the key is not 32 bytes
     */
    public Keyring withKey(String keyId, byte[] key) {
        checkId(keyId);
        if (keys.containsKey(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' is already in the keyring (choose a new id)");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(keys);
        copy.put(keyId, checkKey(keyId, key));
        return new Keyring(copy, primary);
    }

    /**
     * @param keyId an id in this keyring
     * @return a keyring that encrypts new values with that key
     * @throws IllegalArgumentException if the id is not present
     */
    public Keyring withPrimary(String keyId) {
        if (!keys.containsKey(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' is not in the keyring (known: " + keys.keySet()
                    + ")");
        }
        return new Keyring(new LinkedHashMap<>(keys), keyId);
    }

    /**
     * @param keyId a candidate key id
     * @return {@code true} for letters, digits, {@code .}, {@code _}, {@code -}, at most 64, not starting with a
     *         punctuation mark
     */
    public static boolean isValidKeyId(String keyId) {
        return keyId != null && Envelope.KEY_ID.matcher(keyId).matches();
    }

    /** @return the id of the key new values are encrypted with */
    public String primaryKeyId() {
        return primary;
    }

    /** @return every key id, in the order added */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * @param keyId a key id
     * @return {@code true} when the keyring holds it
     */
    public boolean hasKey(String keyId) {
        return keys.containsKey(keyId);
    }

    /**
     * Encrypts with the primary key.
     *
     * @param path      the config path the value will be read at (the authenticated data)
     * @param plaintext the value
     * @return the envelope, with a fresh random IV
     * @throws IllegalArgumentException if the path is malformed
     */
    public String encrypt(String path, String plaintext) {
        return encrypt(path, plaintext, primary);
    }

    /**
     * @param path      the config path the value will be read at (the authenticated data)
     * @param plaintext the value
     * @param keyId     the key to use
     * @return the envelope, with a fresh random IV
     * @throws IllegalArgumentException if the path is malformed or the key id unknown
     */
    public String encrypt(String path, String plaintext, String keyId) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("key id '" + keyId + "' is not in the keyring (known: " + keys.keySet()
                    + ")");
        }
        return EnvelopeCrypto.encrypt(keyId, key, canonical(path), plaintext).format();
    }

    /**
     * @param path     the config path the value is read at
     * @param envelope an {@code ENC[v1,...]} envelope
     * @return the plaintext
     * @throws ConfigSecretException naming the path, the key id and the reason (malformed field, unknown key id,
     *                               tampered data, IV or tag, or a value written for another path)
     * @throws IllegalArgumentException if the path is malformed
     */
    public String decrypt(String path, String envelope) {
        ConfigPath p = ConfigPath.parse(path);
        try {
            return EnvelopeDecoder.decrypt(lookup(), p, envelope);
        } catch (EnvelopeDecoder.Failure e) {
            throw new ConfigSecretException(null, p, e.getMessage());
        }
    }

    private EnvelopeDecoder.Keys lookup() {
        return new EnvelopeDecoder.Keys() {
            @Override
            public byte[] key(String keyId) {
                return keys.get(keyId);
            }

            @Override
            public Set<String> ids() {
                return keys.keySet();
            }
        };
    }

    /** @return a decoder of {@code ENC[v…]} envelopes with these keys, for {@link ConfigurationOptions.Builder#addDecoder} */
    public ValueDecoder decoder() {
        return new EnvelopeDecoder(lookup());
    }

    /**
     * Reads a key file: a {@code primary <id>} line and {@code key <id> <base64>} lines; {@code #} starts a comment.
     *
     * @param file the key file
     * @return the keyring
     * @throws ConfigSecretException when the file is missing, open to group or others (the message says
     *                               {@code chmod 600}), or malformed (the message names the line, never a key)
     */
    public static Keyring load(Path file) {
        byte[] bytes = KeyFiles.readPrivate(file, "key file");
        return parseFile(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Writes this keyring to a key file crash-safely, with mode 600.
     *
     * @param file the key file
     * @throws ConfigSecretException when it cannot be written
     */
    public void save(Path file) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append("primary ").append(primary).append('\n');
        keys.forEach((id, key) -> sb.append("key ").append(id).append(' ')
                .append(Base64.getEncoder().encodeToString(key)).append('\n'));
        KeyFiles.writePrivate(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses the value of {@code CONFIG_ENCRYPTION_KEY}: {@code <base64>} (key id {@value #DEFAULT_KEY_ID}) or
     * {@code <id>:<base64>}, several separated by commas; the first is the primary.
     *
     * @param value the variable's value
     * @return the keyring
     * @throws ConfigSecretException when malformed (the message never quotes the value)
     */
    public static Keyring parse(String value) {
        Origin origin = Origin.of("$" + ENVIRONMENT_VARIABLE);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String first = null;
        String[] parts = value.strip().split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            int colon = part.indexOf(':');
            String id = colon < 0 ? DEFAULT_KEY_ID : part.substring(0, colon);
            String b64 = colon < 0 ? part : part.substring(colon + 1);
            String where = "key " + (i + 1) + " of " + parts.length;
            if (!Envelope.KEY_ID.matcher(id).matches()) {
                throw new ConfigSecretException(origin, null, where + ": the key id is malformed (letters, digits, "
                        + "'.', '_', '-'; format: <id>:<base64 of 32 bytes>)");
            }
            if (keys.containsKey(id)) {
                throw new ConfigSecretException(origin, null, where + ": key id '" + id + "' is given twice");
            }
            keys.put(id, decodeKey(origin, where + " (key id '" + id + "')", b64));
            if (first == null) {
                first = id;
            }
        }
        return new Keyring(keys, first);
    }

    /**
     * @param environment looks up variables (the options' {@link ConfigurationOptions#environmentLookup()})
     * @return the keyring of {@code CONFIG_ENCRYPTION_KEY}, when the variable is set and not blank
     * @throws ConfigSecretException when it is set but malformed
     */
    public static Optional<Keyring> fromEnvironment(Function<String, Optional<String>> environment) {
        Optional<String> value = environment.apply(ENVIRONMENT_VARIABLE);
        if (value == null || value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(value.get()));
    }

    private static Keyring parseFile(String name, String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String primary = null;
        int primaryLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Origin origin = Origin.of(name, i + 1, 1);
            String[] f = line.split("\\s+");
            if (f[0].equals("primary") && f.length == 2) {
                if (primary != null) {
                    throw new ConfigSecretException(origin, null, "a second 'primary' line (keep one)");
                }
                primary = f[1];
                primaryLine = i + 1;
            } else if (f[0].equals("key") && f.length == 3) {
                if (!Envelope.KEY_ID.matcher(f[1]).matches()) {
                    throw new ConfigSecretException(origin, null, "malformed key id (letters, digits, '.', '_', '-')");
                }
                if (keys.containsKey(f[1])) {
                    throw new ConfigSecretException(origin, null, "key id '" + f[1] + "' is defined twice");
                }
                keys.put(f[1], decodeKey(origin, "key id '" + f[1] + "'", f[2]));
            } else {
                throw new ConfigSecretException(origin, null, "expected 'primary <id>' or 'key <id> <base64>' "
                        + "(line not shown: it may hold a key)");
            }
        }
        if (keys.isEmpty()) {
            throw new ConfigSecretException(Origin.of(name), null, "the key file holds no key (fix: configctl keygen "
                    + "--key-file " + name + " --key-id <id>)");
        }
        if (primary == null) {
            primary = keys.keySet().iterator().next();
        } else if (!keys.containsKey(primary)) {
            throw new ConfigSecretException(Origin.of(name, primaryLine, 1), null, "the primary key id '" + primary
                    + "' has no 'key' line (known: " + keys.keySet() + ")");
        }
        return new Keyring(keys, primary);
    }

    private static byte[] decodeKey(Origin origin, String where, String b64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(b64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigSecretException(origin, null, where + ": the key is not valid base64");
        }
        if (key.length != EnvelopeCrypto.KEY_BYTES) {
            throw new ConfigSecretException(origin, null, where + ": wrong key length " + key.length
                    + " bytes (an AES-256 key is 32 bytes; make one with configctl keygen)");
        }
        return key;
    }

    private static String checkId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (!Envelope.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("malformed key id '" + keyId
                    + "' (letters, digits, '.', '_', '-', at most 64)");
        }
        return keyId;
    }

    private static byte[] checkKey(String keyId, byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != EnvelopeCrypto.KEY_BYTES) {
            throw new IllegalArgumentException("key '" + keyId + "': wrong key length " + key.length
                    + " bytes (an AES-256 key is 32 bytes)");
        }
        return key.clone();
    }

    static String canonical(String path) {
        return ConfigPath.parse(path).toString();
    }

    /** @return the key ids and the primary, never a key */
    @Override
    public String toString() {
        return "Keyring[primary=" + primary + ", keyIds=" + keys.keySet() + "]";
    }
}
