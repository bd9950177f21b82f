package dev.lamina.config.internal.secret;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.lamina.config.BundleSignature;
import dev.lamina.config.ConfigSignatureException;
import dev.lamina.config.Origin;

/**
 * The signed manifest of a configuration directory: a header, then one {@code file <sha256 hex> <relative path>}
 * line per file, sorted by path (with {@code /} separators); the signature file adds a {@code signature <base64>}
 * line over the bytes before it.
 */
public final class BundleManifest {

    static final String HEADER = "lamina-signature v1\nalgorithm Ed25519\n";

    private BundleManifest() {
    }

    /**
     * What a signature file holds.
     *
     * @param manifest  the signed text
     * @param files     relative path to SHA-256 hex
     * @param signature the signature bytes
     */
    public record Signed(String manifest, Map<String, String> files, byte[] signature) {
    }

    /**
     * @param directory the directory
     * @return relative path to SHA-256 hex of every covered file, sorted
     * @throws ConfigSignatureException when the directory or a file cannot be read
     */
    public static Map<String, String> digests(Path directory) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            throw new ConfigSignatureException(Origin.of(directory.toString()), "not a directory");
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = directory.relativize(p);
                if (rel.toString().isEmpty() || skipped(rel)) {
                    continue;
                }
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                String name = rel.toString().replace('\\', '/');
                if (name.equals(BundleSignature.FILE_NAME)) {
                    continue;
                }
                if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                    throw new ConfigSignatureException(Origin.of(p.toString()), "a file name holds a line break");
                }
                out.put(name, sha256(p));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigSignatureException(Origin.of(directory.toString()), "cannot read the directory ("
                    + e.getClass().getSimpleName() + ")");
        }
        return out;
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param files relative path to hex digest
     * @return the manifest text that is signed
     */
    public static String text(Map<String, String> files) {
        StringBuilder sb = new StringBuilder(HEADER);
        new TreeMap<>(files).forEach((name, digest) -> sb.append("file ").append(digest).append(' ').append(name)
                .append('\n'));
        return sb.toString();
    }

    /**
     * @param source the signature file's name
     * @param text   its content
     * @return the parsed content
     * @throws ConfigSignatureException when malformed
     */
    public static Signed parse(String source, String text) {
        if (!text.startsWith(HEADER)) {
            throw new ConfigSignatureException(Origin.of(source, 1, 1), "not a Lamina signature file (expected the "
                    + "header 'lamina-signature v1')");
        }
        int sig = text.lastIndexOf("\nsignature ");
        if (sig < 0) {
            throw new ConfigSignatureException(Origin.of(source), "the signature file has no 'signature' line");
        }
        String manifest = text.substring(0, sig + 1);
        Map<String, String> files = new TreeMap<>();
        String[] lines = manifest.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String[] f = lines[i].split(" ", 3);
            if (f.length != 3 || !f[0].equals("file") || !f[1].matches("[0-9a-f]{64}")) {
                throw new ConfigSignatureException(Origin.of(source, i + 1, 1), "malformed manifest line (expected "
                        + "'file <sha256> <path>')");
            }
            files.put(f[2], f[1]);
        }
        String b64 = text.substring(sig + "\nsignature ".length()).strip();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new ConfigSignatureException(Origin.of(source), "the signature is not valid base64");
        }
        return new Signed(manifest, files, signature);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
