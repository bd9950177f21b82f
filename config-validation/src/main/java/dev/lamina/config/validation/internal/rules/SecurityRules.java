package dev.lamina.config.validation.internal.rules;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.internal.rules.Scan.Hit;
import dev.lamina.config.validation.internal.tree.Values;
import dev.lamina.config.validation.rules.SecurityPolicy;

/** The security pack; each rule is documented in {@code docs/rule-packs.md}. */
public final class SecurityRules {

    private static final Set<String> ALGORITHM_KEYS = Set.of("algorithm", "encryption_algorithm", "cipher",
            "cipher_algorithm", "encryption_cipher", "signing_algorithm", "jwt_algorithm", "alg");
    private static final Pattern SECRET_STORE_REFERENCE = Pattern.compile(
            "(?i)^(vault|aws-?sm|aws-?ssm|gcp-?sm|azure-?kv|k8s|kubernetes|secret|file|env):.+");
    private static final Set<String> HTTPS_SWITCHES = Set.of("https_only", "require_https", "enforce_https",
            "force_https", "ssl_enabled", "tls_enabled", "use_ssl", "use_tls", "https_enabled", "secure_transport");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private SecurityRules() {
    }

    /**
     * @param policy thresholds
     * @param cache   the index cache the rules share (with other packs' too, when built together)
     * @return the pack's rules
     */
    public static List<ValidationRule> create(SecurityPolicy policy, IndexCache cache) {
        return TreeRule.sharing(List.of(
                TreeRule.of("security.encryption-algorithm", Severity.ERROR,
                        "encryption and JWT signing algorithms come from an allow-list",
                        algorithmsCheck(policy)),
                TreeRule.of("security.password-policy", Severity.ERROR,
                        "password policies require a minimum length and enough character classes",
                        (scan, ctx) -> passwordPolicy(scan, policy)),
                TreeRule.of("security.https-in-production", Severity.ERROR,
                        "production uses HTTPS: no plain http:// URLs to remote hosts, no TLS switched off",
                        (scan, ctx) -> https(scan)).inEnvironments(ValidationContext.PRODUCTION_NAMES),
                TreeRule.of("security.cors-credentials-wildcard", Severity.CRITICAL,
                        "CORS never allows credentials together with a wildcard origin",
                        (scan, ctx) -> cors(scan)),
                TreeRule.of("security.plaintext-secret", Severity.CRITICAL,
                        "secret-named keys hold ENC[...] values or ${...} references, never literal secrets",
                        (scan, ctx) -> plaintextSecrets(scan, !ctx.writtenLayers().isEmpty())).readingWrittenTree(),
                TreeRule.of("security.jwt-expiry", Severity.ERROR,
                        "JWT lifetimes lie within the policy's bounds",
                        (scan, ctx) -> jwtExpiry(scan, policy))), cache);
    }

    static String canonicalAlgorithm(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static TreeRule.Check algorithmsCheck(SecurityPolicy policy) {
        // Canonical forms computed once, when the pack is built, not per node.
        Set<String> encryption = policy.encryptionAlgorithms().stream().map(SecurityRules::canonicalAlgorithm)
                .collect(Collectors.toUnmodifiableSet());
        Set<String> jwt = policy.jwtAlgorithms().stream().map(SecurityRules::canonicalAlgorithm)
                .collect(Collectors.toUnmodifiableSet());
        return (scan, ctx) -> algorithms(scan, policy, encryption, jwt);
    }

    private static void algorithms(Scan scan, SecurityPolicy policy, Set<String> canonicalEncryption,
                                   Set<String> canonicalJwt) {
        for (Hit hit : scan.byKey(ALGORITHM_KEYS::contains)) {
            if (!(hit.node() instanceof ConfigScalar s)) {
                continue;
            }
            boolean jwt = hit.pathMentions("jwt") || hit.pathMentions("token") || hit.key().equals("jwt_algorithm")
                    || hit.key().equals("signing_algorithm") || hit.key().equals("alg");
            boolean encryption = hit.pathMentions("encrypt") || hit.pathMentions("cipher")
                    || hit.pathMentions("crypto") || hit.key().contains("cipher");
            if (!jwt && !encryption) {
                continue; // "algorithm" of a recommender or load balancer, not ours to judge
            }
            Set<String> allowed = jwt ? policy.jwtAlgorithms() : policy.encryptionAlgorithms();
            Set<String> canonical = jwt ? canonicalJwt : canonicalEncryption;
            if (!canonical.contains(canonicalAlgorithm(s.text()))) {
                scan.fail(hit, (jwt ? "JWT signing" : "encryption") + " algorithm " + scan.show(hit)
                                + " is not on the allow-list",
                        "use one of " + new TreeSet<>(allowed));
            }
        }
    }

    private static void passwordPolicy(Scan scan, SecurityPolicy policy) {
        for (Hit hit : scan.byKey("password_policy", "password_requirements", "password_rules")) {
            if (hit.object().isEmpty()) {
                continue;
            }
            Optional<Hit> length = hit.child("min_length", "minimum_length", "min_password_length", "length");
            OptionalDouble n = length.map(Hit::number).orElse(OptionalDouble.empty());
            if (length.isEmpty()) {
                scan.failMissing(hit.path().child("min_length"), "password policy sets no minimum length",
                        "set min_length to at least " + policy.minPasswordLength());
            } else if (n.isPresent() && n.getAsDouble() < policy.minPasswordLength()) {
                scan.fail(length.get(), "minimum password length " + fmt(n.getAsDouble()) + " is below "
                        + policy.minPasswordLength(), "set it to at least " + policy.minPasswordLength());
            }
            Optional<Hit> declaredClasses = hit.child("min_character_classes", "character_classes",
                    "required_character_classes");
            int classes;
            if (declaredClasses.isPresent() && declaredClasses.get().number().isPresent()) {
                classes = (int) declaredClasses.get().number().getAsDouble();
            } else {
                classes = 0;
                classes += on(hit, "require_uppercase", "require_upper", "uppercase");
                classes += on(hit, "require_lowercase", "require_lower", "lowercase");
                classes += on(hit, "require_digits", "require_digit", "require_numbers", "require_number", "digits");
                classes += on(hit, "require_special", "require_special_chars", "require_special_characters",
                        "require_symbols", "require_symbol", "special_characters");
            }
            if (classes < policy.minCharacterClasses()) {
                scan.fail(hit, "password policy requires " + classes + " character class(es); at least "
                                + policy.minCharacterClasses() + " needed",
                        "require at least " + policy.minCharacterClasses()
                                + " of require_uppercase, require_lowercase, require_digits, require_special");
            }
        }
        for (Hit hit : scan.byKey("password_min_length", "min_password_length")) {
            OptionalDouble n = hit.number();
            if (n.isPresent() && n.getAsDouble() < policy.minPasswordLength()
                    && !scan.byKey("password_policy").stream().anyMatch(p -> hit.path().startsWith(p.path()))) {
                scan.fail(hit, "minimum password length " + fmt(n.getAsDouble()) + " is below "
                        + policy.minPasswordLength(), "set it to at least " + policy.minPasswordLength());
            }
        }
    }

    private static int on(Hit policy, String... names) {
        return policy.child(names).flatMap(Hit::bool).orElse(false) ? 1 : 0;
    }

    private static void https(Scan scan) {
        for (Hit hit : scan.all()) {
            if (hit.node() instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
                String text = s.text().trim();
                if (text.regionMatches(true, 0, "http://", 0, 7)) {
                    String host = host(text);
                    if (!LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
                        scan.fail(hit, "plain HTTP URL to " + (scan.isSecret(hit.path()) ? "a remote host"
                                        : "'" + host + "'") + " in production",
                                "use https://");
                    }
                }
            } else if (!hit.path().isRoot() && hit.bool().isPresent() && !hit.bool().get()) {
                boolean tlsSwitch = HTTPS_SWITCHES.contains(hit.key())
                        || (hit.key().equals("enabled") && hit.path().size() > 1
                        && Set.of("ssl", "tls", "https").contains(Scan.normalise(hit.path().parent().last())));
                if (tlsSwitch) {
                    scan.fail(hit, "TLS/HTTPS is switched off in production", "set it to true");
                }
            }
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host != null) {
                return host;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the manual split below
        }
        String rest = url.substring(7);
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String host = rest.substring(0, end);
        int at = host.lastIndexOf('@');
        return at >= 0 ? host.substring(at + 1) : host;
    }

    private static void cors(Scan scan) {
        for (Hit hit : scan.all()) {
            if (hit.object().isEmpty() || !hit.pathMentions("cors")) {
                continue;
            }
            Optional<Hit> origins = hit.child("allowed_origins", "allow_origins", "origins", "allowed_origin",
                    "access_control_allow_origin", "allow_origin");
            Optional<Hit> credentials = hit.child("allow_credentials", "allowed_credentials", "credentials",
                    "supports_credentials", "access_control_allow_credentials");
            if (origins.isEmpty() || credentials.isEmpty() || !credentials.get().bool().orElse(false)) {
                continue;
            }
            Hit o = origins.get();
            boolean wildcard = Values.text(o.node()).map(t -> t.trim().equals("*")).orElse(false)
                    || (o.node() instanceof ConfigList l && l.items().stream()
                    .anyMatch(i -> Values.text(i).map(t -> t.trim().equals("*")).orElse(false)));
            if (wildcard) {
                scan.fail(o, "CORS allows any origin ('*') together with credentials",
                        "list the allowed origins explicitly, or set " + credentials.get().path().last() + ": false");
            }
        }
    }

    /*
     * Without the written layers the rule sees interpolated values, where ${DB_PASSWORD} has become the password: it
     * cannot tell a reference from a literal, so it reports a WARNING that says so instead of a CRITICAL that would
     * block every correct configuration.
     */
    private static void plaintextSecrets(Scan scan, boolean sawWrittenLayers) {
        for (Hit hit : scan.all()) {
            if (hit.path().isRoot() || !(hit.node() instanceof ConfigScalar s) || s.type() == ScalarType.BOOLEAN) {
                continue;
            }
            // The same definition as the masking (core's SecretPolicy: names and declared paths), so that a value
            // this rule calls a secret is also one that render, get and explain mask, and the other way round.
            // A SOPS value (or an envelope, or a value a resolver marked) was not written in plain text, even where
            // the written layer holds it decrypted (a SOPS file's layer does).
            if (!scan.mustNotBePlainText(hit.path()) || scan.isSecretByValue(hit.path())) {
                continue;
            }
            String text = s.text().trim();
            if (text.isEmpty() || SecretPolicy.isEncrypted(text) || text.contains("${")
                    || SECRET_STORE_REFERENCE.matcher(text).matches()) {
                continue;
            }
            String fix = "encrypt it (configctl encrypt; see docs/security.md) or reference it: ${" + envName(hit.path()) + "}";
            if (sawWrittenLayers) {
                scan.fail(hit, "secret written in plain text (key '" + hit.path().last() + "')", fix);
            } else {
                scan.fail(hit, Severity.WARNING, "secret-named key '" + hit.path().last()
                        + "' holds a literal value after interpolation; without the written layers in the"
                        + " ValidationContext it cannot be told from a ${...} reference", fix
                        + " (and pass the written layers to the validation to make this check exact)");
            }
        }
    }

    static String envName(ConfigPath path) {
        return path.segments().stream()
                .map(s -> Scan.normalise(s).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.joining("_"));
    }

    private static void jwtExpiry(Scan scan, SecurityPolicy policy) {
        for (Hit hit : scan.all()) {
            if (hit.path().isRoot() || !(hit.node() instanceof ConfigScalar)) {
                continue;
            }
            String key = hit.key();
            boolean lifetimeKey = key.contains("expir") || key.contains("ttl") || key.contains("lifetime")
                    || key.contains("expires_in");
            if (!lifetimeKey || !(hit.pathMentions("jwt"))) {
                continue;
            }
            Optional<Duration> d = Values.duration(key, hit.node());
            if (d.isEmpty()) {
                continue;
            }
            boolean refresh = hit.pathMentions("refresh");
            Duration max = refresh ? policy.maxRefreshTokenLifetime() : policy.maxAccessTokenLifetime();
            String kind = refresh ? "refresh-token" : "access-token";
            if (d.get().compareTo(policy.minTokenLifetime()) < 0) {
                scan.fail(hit, "JWT " + kind + " lifetime " + human(d.get()) + " is shorter than "
                        + human(policy.minTokenLifetime()), "use at least " + human(policy.minTokenLifetime()));
            } else if (d.get().compareTo(max) > 0) {
                scan.fail(hit, "JWT " + kind + " lifetime " + human(d.get()) + " is longer than " + human(max),
                        "use at most " + human(max));
            }
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s == 0 && !d.isZero()) {
            return d.toMillis() + " ms";
        }
        if (s % 86400 == 0 && s != 0) {
            return s / 86400 + " d";
        }
        if (s % 3600 == 0 && s != 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s != 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
