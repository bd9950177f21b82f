package dev.lamina.config.etcd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where an {@link EtcdSource} reads: endpoints, key prefix, layout, credentials, TLS, the last-known-good file and
 * the retry timing. Built with {@link #builder()}; immutable.
 *
 * <p>Defaults: layout {@link EtcdLayout#TREE}, no auth, no TLS, no last-known-good file, requests time out after 5
 * seconds, reconnects back off from 100 ms to 5 s (doubling, each delay drawn between half and all of it), no metrics.
 */
public final class EtcdOptions {

    private final List<URI> endpoints;
    private final String prefix;
    private final EtcdLayout layout;
    private final String username;
    private final char[] password;
    private final EtcdTls tls;
    private final Path lastKnownGood;
    private final Duration requestTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final MeterRegistry meterRegistry;

    private EtcdOptions(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        this.prefix = b.prefix;
        this.layout = b.layout;
        this.username = b.username;
        this.password = b.password == null ? null : b.password.clone();
        this.tls = b.tls;
        this.lastKnownGood = b.lastKnownGood;
        this.requestTimeout = b.requestTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.meterRegistry = b.meterRegistry;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the client URLs, tried in order ({@code http://127.0.0.1:2379}) */
    public List<URI> endpoints() {
        return endpoints;
    }

    /** @return the key prefix, ending with {@code /} ({@code /lamina/checkout/production/}) */
    public String prefix() {
        return prefix;
    }

    /** @return how keys map to configuration */
    public EtcdLayout layout() {
        return layout;
    }

    /** @return the etcd user, when auth is on */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** @return a copy of the password, or {@code null} when auth is off */
    char[] password() {
        return password == null ? null : password.clone();
    }

    /** @return the TLS settings, when the endpoints are {@code https} */
    public Optional<EtcdTls> tls() {
        return Optional.ofNullable(tls);
    }

    /** @return the last-known-good file, when configured */
    public Optional<Path> lastKnownGood() {
        return Optional.ofNullable(lastKnownGood);
    }

    /** @return the timeout of one request (not of a watch, which stays open) */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the first reconnect delay */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the longest reconnect delay */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the registry for the source's meters, when given */
    public Optional<MeterRegistry> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** @return the settings without the password */
    @Override
    public String toString() {
        return "EtcdOptions{endpoints=" + endpoints + ", prefix=" + prefix + ", layout=" + layout + ", username="
                + username + ", tls=" + tls + ", lastKnownGood=" + lastKnownGood + "}";
    }

    /** Collects options; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final List<URI> endpoints = new ArrayList<>();
        private String prefix;
        private EtcdLayout layout = EtcdLayout.TREE;
        private String username;
        private char[] password;
        private EtcdTls tls;
        private Path lastKnownGood;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /**
         * Adds endpoints.
         *
         * @param urls client URLs ({@code http://10.0.0.5:2379}, {@code https://…}), or a comma-separated list
         * @return this builder
         * @throws IllegalArgumentException if a URL is not {@code http} or {@code https} with a host and port
         */
        public Builder endpoints(String... urls) {
            for (String u : urls) {
                for (String one : u.split(",")) {
                    if (!one.isBlank()) {
                        endpoints.add(endpoint(one.strip()));
                    }
                }
            }
            return this;
        }

        private static URI endpoint(String text) {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("etcd endpoint '" + text + "' is not a URL; fix: write it like "
                        + "http://127.0.0.1:2379");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getPort() < 0 || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("etcd endpoint '" + (uri.getUserInfo() == null ? text : "(with "
                        + "credentials, not shown)") + "' must be http://host:port or https://host:port without user "
                        + "info; fix: write it like http://127.0.0.1:2379 and give credentials with auth(...)");
            }
            return URI.create(uri.getScheme() + "://" + uri.getAuthority());
        }

        /**
         * @param prefix the key prefix ({@code /lamina/checkout/production/}); a missing trailing {@code /} is added
         * @return this builder
         */
        public Builder prefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            return this;
        }

        /**
         * @param layout how keys map to configuration
         * @return this builder
         */
        public Builder layout(EtcdLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Turns on etcd's username/password auth; the token is fetched on first use and again when etcd says it
         * expired.
         *
         * @param username the user
         * @param password the password (copied; never logged)
         * @return this builder
         */
        public Builder auth(String username, char[] password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * @param tls trust store and optional client certificate for {@code https} endpoints
         * @return this builder
         */
        public Builder tls(EtcdTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * @param file where the content in force is kept (crash-safely, owner-only permissions on POSIX) to start
         *             from when etcd is unreachable; holds configuration values, so treat it like the store
         * @return this builder
         */
        public Builder lastKnownGood(Path file) {
            this.lastKnownGood = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param timeout the timeout of one request
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param initial the first reconnect delay
         * @param max     the longest
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            return this;
        }

        /**
         * @param registry where to register {@code lamina.etcd.stale}, {@code lamina.etcd.revision} and
         *                 {@code lamina.etcd.reconnects}
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @return the options
         * @throws IllegalStateException if no endpoint or prefix was given, the backoff is inverted, https
         *                               endpoints are mixed with http ones, or TLS is set for http endpoints
         */
        public EtcdOptions build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("no etcd endpoint given; fix: endpoints(\"http://127.0.0.1:2379\")");
            }
            if (prefix == null) {
                throw new IllegalStateException("no key prefix given; fix: prefix(\"/lamina/<app>/<env>/\")");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException("the max backoff " + maxBackoff + " is below the initial backoff "
                        + initialBackoff);
            }
            long https = endpoints.stream().filter(u -> "https".equals(u.getScheme())).count();
            if (https != 0 && https != endpoints.size()) {
                throw new IllegalStateException("mixing http and https etcd endpoints; fix: use one scheme");
            }
            if (tls != null && https == 0) {
                throw new IllegalStateException("TLS settings given but the endpoints are http; fix: use https:// "
                        + "endpoints or drop tls(...)");
            }
            return new EtcdOptions(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
