package dev.lamina.config.etcd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;

/**
 * TLS for {@code https} etcd endpoints: a trust store holding the CA that signed etcd's certificate and, when etcd
 * asks for client certificates ({@code --client-cert-auth}), a key store holding this client's key and certificate.
 * Stores are PKCS#12 or JKS files (the JDK's {@code KeyStore.getInstance(File, …)} detects which).
 *
 * <p>Passwords are copied and never appear in messages or {@code toString}.
 */
public final class EtcdTls {

    private final Path trustStore;
    private final char[] trustStorePassword;
    private final Path keyStore;
    private final char[] keyStorePassword;

    private EtcdTls(Path trustStore, char[] trustStorePassword, Path keyStore, char[] keyStorePassword) {
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
    }

    /**
     * Server authentication only.
     *
     * @param trustStore         the trust store file
     * @param trustStorePassword its password, or {@code null} when it has none
     * @return the settings
     * @throws NullPointerException if {@code trustStore} is {@code null}
     */
    public static EtcdTls trusting(Path trustStore, char[] trustStorePassword) {
        return new EtcdTls(Objects.requireNonNull(trustStore, "trustStore"), trustStorePassword, null, null);
    }

    /**
     * Adds a client certificate (mutual TLS).
     *
     * @param keyStore         the key store holding the client key and certificate chain
     * @param keyStorePassword its password (also the key's)
     * @return new settings with the client certificate
     * @throws NullPointerException if an argument is {@code null}
     */
    public EtcdTls withClientCertificate(Path keyStore, char[] keyStorePassword) {
        return new EtcdTls(trustStore, trustStorePassword, Objects.requireNonNull(keyStore, "keyStore"),
                Objects.requireNonNull(keyStorePassword, "keyStorePassword"));
    }

    /** @return the trust store file */
    public Path trustStore() {
        return trustStore;
    }

    /** @return the client key store file, when mutual TLS is configured */
    public Optional<Path> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    /**
     * Builds the SSL context.
     *
     * @return a TLS context trusting the trust store and presenting the client certificate, if any
     * @throws ConfigSourceException if a store cannot be read or opened (the message names the file, never a password)
     */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore, trustStorePassword));
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyStorePassword), keyStorePassword);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new ConfigSourceException(Origin.of(keyStore != null ? keyStore.toString() : trustStore.toString()),
                    null, "cannot set up TLS for etcd (" + e.getClass().getSimpleName() + "); fix: check the trust "
                    + "store and key store files and their passwords");
        }
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigSourceException(Origin.of(file.toString()), null,
                    "TLS store not found or not a regular file; fix: give the path of a PKCS#12 or JKS file");
        }
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "cannot open the TLS store ("
                    + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName())
                    + "); fix: check that it is a PKCS#12 or JKS file and that its password is right");
        }
    }

    /** @return the files, never the passwords */
    @Override
    public String toString() {
        return "EtcdTls{trustStore=" + trustStore + ", keyStore=" + keyStore + "}";
    }

    /** Clears the copied passwords (after the context is built they are not needed). */
    void clear() {
        if (trustStorePassword != null) {
            Arrays.fill(trustStorePassword, '\0');
        }
        if (keyStorePassword != null) {
            Arrays.fill(keyStorePassword, '\0');
        }
    }
}
