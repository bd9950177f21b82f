package dev.lamina.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lamina.config.internal.secret.BundleManifest;
import dev.lamina.config.internal.secret.KeyFiles;
import dev.lamina.config.spi.AtomicFiles;

/**
 * Ed25519 signatures over a configuration directory: a manifest of every file below it (relative path and
 * SHA-256), signed and stored beside the files as {@value #FILE_NAME}. {@link
 * ConfigurationOptions.Builder#requireSignature(PublicKey)} checks it before any file is parsed, on every load
 * and reload; {@code configctl sign} and {@code configctl verify} use the same methods.
 *
 * <p>What is covered: every regular file below the directory (symbolic links to files are read through), except
 * the signature file itself and Kubernetes' {@code ..data}-style entries (names starting with {@code ..}), whose
 * content is covered through the links that point into them. A changed byte, a missing, extra or renamed file,
 * a missing or malformed signature file, or another key refuses the directory.
 *
 * <p>Keys are stored as PEM: PKCS#8 for the private key (written with mode 600, refused when group or others may
 * access it), X.509 SubjectPublicKeyInfo for the public key. Stateless; thread-safe.
 */
public final class BundleSignature {

    /** The name of the signature file in the signed directory. */
    public static final String FILE_NAME = ".lamina-signature";

    private static final String ALGORITHM = "Ed25519";

    private BundleSignature() {
    }

    /** @return a fresh Ed25519 key pair */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /**
     * Signs every file below {@code directory} and writes {@value #FILE_NAME} there (crash-safely).
     *
     * @param directory  the configuration directory
     * @param privateKey an Ed25519 private key
     * @throws ConfigSignatureException when a file cannot be read or has a name the manifest cannot hold
     */
    public static void sign(Path directory, PrivateKey privateKey) {
        Map<String, String> files = BundleManifest.digests(directory);
        String manifest = BundleManifest.text(files);
        byte[] signature;
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(manifest.getBytes(StandardCharsets.UTF_8));
            signature = s.sign();
        } catch (GeneralSecurityException e) {
            throw new ConfigSignatureException(Origin.of(directory.toString()), "cannot sign with this key ("
                    + e.getClass().getSimpleName() + "; an Ed25519 private key is needed)");
        }
        String text = manifest + "signature " + Base64.getEncoder().encodeToString(signature) + "\n";
        AtomicFiles.write(directory.resolve(FILE_NAME), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Verifies the directory's signature and that the files are exactly those signed.
     *
     * @param directory the configuration directory
     * @param publicKey the Ed25519 public key
     * @throws ConfigSignatureException naming every problem found: no or malformed signature file, a signature
     *                                  made with another key, changed, missing or extra files
     */
    public static void verify(Path directory, PublicKey publicKey) {
        Path file = directory.resolve(FILE_NAME);
        Origin origin = Origin.of(file.toString());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigSignatureException(Origin.of(directory.toString()), "the directory is not signed: "
                    + FILE_NAME + " is missing (fix: configctl sign --dir " + directory + " --private <key>)");
        } catch (IOException e) {
            throw new ConfigSignatureException(origin, "cannot read the signature file ("
                    + e.getClass().getSimpleName() + ")");
        }
        BundleManifest.Signed signed = BundleManifest.parse(file.toString(), text);
        boolean valid;
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(publicKey);
            s.update(signed.manifest().getBytes(StandardCharsets.UTF_8));
            valid = s.verify(signed.signature());
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new ConfigSignatureException(origin, "the signature does not verify with the given public key "
                    + "(the directory was signed with another key, or the signature file was edited; fix: sign it "
                    + "again with the matching private key)");
        }
        Map<String, String> actual = BundleManifest.digests(directory);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : signed.files().entrySet()) {
            String now = actual.get(e.getKey());
            if (now == null) {
                problems.add(e.getKey() + " is signed but missing");
            } else if (!now.equals(e.getValue())) {
                problems.add(e.getKey() + " changed since it was signed");
            }
        }
        for (String name : new TreeMap<>(actual).keySet()) {
            if (!signed.files().containsKey(name)) {
                problems.add(name + " is not covered by the signature (added or renamed after signing)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigSignatureException(Origin.of(directory.toString()), "the files do not match the signature: "
                    + String.join("; ", problems) + " (fix: restore the signed files, or sign the directory again)");
        }
    }

    /**
     * @param key a public key
     * @return {@code true} for an Ed25519 key
     */
    public static boolean isEd25519(PublicKey key) {
        return key.getAlgorithm().equals(ALGORITHM) || key.getAlgorithm().equals("EdDSA");
    }

    /**
     * Writes a private key as PKCS#8 PEM, crash-safely, with mode 600.
     *
     * @param file the file
     * @param key  the key
     */
    public static void writePrivateKey(Path file, PrivateKey key) {
        KeyFiles.writePrivate(file, pem("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Writes a public key as X.509 PEM, crash-safely.
     *
     * @param file the file
     * @param key  the key
     */
    public static void writePublicKey(Path file, PublicKey key) {
        AtomicFiles.write(file, pem("PUBLIC KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param file a PKCS#8 PEM file
     * @return the Ed25519 private key
     * @throws ConfigSecretException when the file is open to group or others, unreadable or not an Ed25519 key
     */
    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = unpem(file, new String(KeyFiles.readPrivate(file, "signing key"), StandardCharsets.US_ASCII),
                "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new ConfigSecretException(Origin.of(file.toString()), null, "not an Ed25519 private key");
        }
    }

    /**
     * @param file an X.509 PEM file
     * @return the Ed25519 public key
     * @throws ConfigSecretException when the file is unreadable or not an Ed25519 public key
     */
    public static PublicKey readPublicKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigSecretException(Origin.of(file.toString()), null, "cannot read the public key ("
                    + (e instanceof NoSuchFileException ? "file not found" : e.getClass().getSimpleName()) + ")");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(file, text,
                    "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new ConfigSecretException(Origin.of(file.toString()), null, "not an Ed25519 public key");
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(Path file, String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new ConfigSecretException(Origin.of(file.toString()), null, "not a PEM " + label.toLowerCase()
                    + " (expected " + begin + ")");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new ConfigSecretException(Origin.of(file.toString()), null, "the PEM body is not valid base64");
        }
    }
}
