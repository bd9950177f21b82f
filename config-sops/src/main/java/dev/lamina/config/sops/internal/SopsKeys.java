package dev.lamina.config.sops.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;

import dev.lamina.config.ConfigSecretException;
import dev.lamina.config.Origin;

/**
 * Where a SOPS data key can come from: raw data keys given in code, and age identities (inline or in files) that
 * unwrap the file's age stanzas. Immutable; identity files are read on use.
 */
public final class SopsKeys {

    private static final Set<PosixFilePermission> LOOSE = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final List<String> identities;
    private final List<Path> keyFiles;
    private final List<byte[]> dataKeys;

    /**
     * @param identities inline age identities
     * @param keyFiles   files of age identities
     * @param dataKeys   raw data keys
     */
    public SopsKeys(List<String> identities, List<Path> keyFiles, List<byte[]> dataKeys) {
        this.identities = List.copyOf(identities);
        this.keyFiles = List.copyOf(keyFiles);
        this.dataKeys = List.copyOf(dataKeys);
    }

    /** @return the raw data keys given in code */
    List<byte[]> dataKeys() {
        return dataKeys;
    }

    /** @return {@code true} when any identity source is configured */
    boolean hasIdentities() {
        return !identities.isEmpty() || !keyFiles.isEmpty();
    }

    /**
     * @param armored an age file ({@code -----BEGIN AGE ENCRYPTED FILE-----}) holding a data key
     * @return the data key when one of the identities opens it
     * @throws ConfigSecretException when an identity file cannot be read or an identity is malformed
     */
    Optional<byte[]> unwrap(String armored) {
        List<RecipientStanzaReader> readers = readers();
        if (readers.isEmpty()) {
            return Optional.empty();
        }
        return unwrap(armored, readers);
    }

    /**
     * Reads every identity, so that a malformed one is reported even for a file with no age recipient.
     *
     * @throws ConfigSecretException when an identity file cannot be read or an identity is malformed
     */
    void check() {
        readers();
    }

    private List<RecipientStanzaReader> readers() {
        List<RecipientStanzaReader> readers = new ArrayList<>();
        for (String identity : allIdentities()) {
            try {
                readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new ConfigSecretException(null, null, "an age identity is malformed (expected "
                        + "AGE-SECRET-KEY-1...; identity not shown)");
            }
        }
        return readers;
    }

    private static Optional<byte[]> unwrap(String armored, List<RecipientStanzaReader> readers) {
        byte[] in = armored.getBytes(StandardCharsets.US_ASCII);
        try (ReadableByteChannel ch = new ArmoredDecryptingChannelFactory().newDecryptingChannel(
                Channels.newChannel(new ByteArrayInputStream(in)), readers);
             InputStream stream = Channels.newInputStream(ch)) {
            byte[] key = stream.readNBytes(64);
            return key.length == 32 ? Optional.of(key) : Optional.empty();
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // No identity matched this stanza, or it is not an age file: the caller tries the next one.
            return Optional.empty();
        }
    }

    private List<String> allIdentities() {
        List<String> all = new ArrayList<>(identities);
        for (Path file : keyFiles) {
            all.addAll(readIdentityFile(file));
        }
        return all;
    }

    private static List<String> readIdentityFile(Path file) {
        Origin origin = Origin.of(file.toString());
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> loose = EnumSet.copyOf(LOOSE);
                loose.retainAll(view.readAttributes().permissions());
                if (!loose.isEmpty()) {
                    throw new ConfigSecretException(origin, null, "refusing to read the age identity file: group or "
                            + "others may access it (fix: chmod 600 " + file + ")");
                }
            }
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new ConfigSecretException(origin, null, "the age identity file (SOPS_AGE_KEY_FILE) does not exist");
        } catch (IOException e) {
            throw new ConfigSecretException(origin, null, "cannot read the age identity file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** @return how many sources of each kind, never a key */
    @Override
    public String toString() {
        return "identities=" + identities.size() + ", identityFiles=" + keyFiles + ", dataKeys=" + dataKeys.size();
    }
}
