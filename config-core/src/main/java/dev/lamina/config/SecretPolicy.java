package dev.lamina.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.lamina.config.internal.secret.SecretNames;

/**
 * Decides which paths hold secrets by their names and by explicit declaration, so that their values are masked as
 * {@value #MASK} in {@code toString}, explain output, events, history, diffs, audit records, exports and messages.
 *
 * <p>This is half of the answer: a {@link Configuration} adds the paths whose written value was an encrypted
 * envelope ({@code ENC[...]}) and those a {@link ValueResolver} or {@link ValueDecoder} marked secret, and
 * {@link Configuration#isSecret(String)} is the one answer every output asks. A path is secret by this policy when
 * <ul>
 *   <li>the built-in name rule ({@link #DEFAULT}) says so: see {@code docs/secrets.md} for the list; in short, a key
 *       containing {@code password}, {@code passwd}, {@code passphrase}, {@code secret}, {@code token} or
 *       {@code credentials} makes it and everything below it secret; a last key named {@code pass}, {@code pwd},
 *       {@code auth}, {@code jwt}, {@code dsn} or {@code private} is secret; a key ending in {@code _key} is
 *       secret unless its qualifier names a non-secret key ({@code primary_key}, {@code cache_key},
 *       {@code public_key}, …), so {@code ANON_KEY}, {@code SERVICE_ROLE_KEY}, {@code signing_key} are secret while
 *       {@code key_prefix}, {@code cache.keys}, {@code monkey}, {@code keyboard} are not; a last key that names a
 *       setting about a secret ({@code token_ttl}, {@code password_min_length}, {@code secret_name},
 *       {@code password_file}) is not;</li>
 *   <li>a segment matches one of the {@linkplain #withNames(String) added name patterns} (that path and everything
 *       below it is secret), and neither it nor the last segment matches an
 *       {@linkplain #withoutNames(String) exemption};</li>
 *   <li>the path is, or lies below, one of the {@linkplain #withPaths(String...) declared paths} (a schema's
 *       {@code writeOnly} field, a decrypted value's path, any path the application names). Declarations are
 *       never narrowed by exemptions.</li>
 * </ul>
 *
 * <p>Names are compared by words: {@code SERVICE_ROLE_KEY}, {@code serviceRoleKey}, {@code service-role-key} and the
 * path {@code service.role.key} (an environment variable mapped to a path) all read as {@code service role key}.
 * Added and exempting patterns are regular expressions, matched case-insensitively and searched (not anchored)
 * against each key as written and against its words joined by {@code _}.
 *
 * <p>Instances are immutable and thread-safe; {@code with…} methods return new policies.
 */
public final class SecretPolicy {

    /** What a secret value is shown as. */
    public static final String MASK = "***";

    /** The built-in name rule described above, with nothing added, exempted or declared. */
    public static final SecretPolicy DEFAULT = new SecretPolicy(true, List.of(), List.of(), List.of());

    private static final SecretPolicy NONE = new SecretPolicy(false, List.of(), List.of(), List.of());

    private final boolean builtInNames;
    private final List<Pattern> names;
    private final List<Pattern> exemptions;
    private final List<String> paths;
    private final List<List<String>> pathSegments;

    private SecretPolicy(boolean builtInNames, List<Pattern> names, List<Pattern> exemptions, List<String> paths) {
        this.builtInNames = builtInNames;
        this.names = List.copyOf(names);
        this.exemptions = List.copyOf(exemptions);
        this.paths = List.copyOf(paths);
        List<List<String>> segments = new ArrayList<>(paths.size());
        for (String p : paths) {
            segments.add(compilePath(p));
        }
        this.pathSegments = List.copyOf(segments);
    }

    /**
     * A policy with only the given name pattern: the built-in name rule does not apply. Prefer
     * {@code DEFAULT.withNames(regex)} to add names to the built-in rule.
     *
     * @param regex the expression, matched case-insensitively against each key segment
     * @return the policy
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public static SecretPolicy matching(String regex) {
        return NONE.withNames(regex);
    }

    /**
     * A policy under which no name is secret (encrypted and marked values still are, through
     * {@link Configuration#isSecret(String)}). For outputs that must write real values, such as a Kubernetes Secret
     * or a file a migration writes.
     *
     * @return the policy
     */
    public static SecretPolicy none() {
        return NONE;
    }

    /**
     * @param regex a regular expression; a key segment in which it is found (case-insensitively, in the key as
     *              written or its words joined by {@code _}) makes its path and everything below it secret
     * @return a policy that also treats those names as secret
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public SecretPolicy withNames(String regex) {
        List<Pattern> more = new ArrayList<>(names);
        more.add(compile(regex));
        return new SecretPolicy(builtInNames, more, exemptions, paths);
    }

    /**
     * Narrows the name rules (built-in and added): a key segment in which the expression is found no longer makes
     * its subtree secret, and a path whose last key matches is not secret by name. Declared paths, encrypted and
     * marked values stay secret.
     *
     * @param regex a regular expression, as for {@link #withNames(String)}, e.g. {@code ^jwt_expiry$}
     * @return a policy with the exemption
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public SecretPolicy withoutNames(String regex) {
        List<Pattern> more = new ArrayList<>(exemptions);
        more.add(compile(regex));
        return new SecretPolicy(builtInNames, names, more, paths);
    }

    /**
     * Declares paths secret whatever their names: each pattern is a config path ({@code db.credentials},
     * {@code brokers[0].sasl}) where {@code *} stands for exactly one segment ({@code services.*.token}); the path and
     * everything below it is secret. This is the hook for what is known to be secret from elsewhere: a JSON
     * Schema's {@code writeOnly}/{@code x-secret} fields, or the paths an application knows hold credentials.
     *
     * @param patterns the path patterns
     * @return a policy that also treats those paths as secret
     * @throws IllegalArgumentException if a pattern is not a valid path, or is the root
     */
    public SecretPolicy withPaths(String... patterns) {
        Objects.requireNonNull(patterns, "patterns");
        return withPaths(List.of(patterns));
    }

    /**
     * As {@link #withPaths(String...)}.
     *
     * @param patterns the path patterns
     * @return a policy that also treats those paths as secret
     * @throws IllegalArgumentException if a pattern is not a valid path, or is the root
     */
    public SecretPolicy withPaths(List<String> patterns) {
        List<String> more = new ArrayList<>(paths);
        for (String p : patterns) {
            compilePath(p);
            if (!more.contains(p)) {
                more.add(p);
            }
        }
        return new SecretPolicy(builtInNames, names, exemptions, more);
    }

    /** @return the declared path patterns, in the order they were added; unmodifiable */
    public List<String> declaredPaths() {
        return paths;
    }

    /** @return whether the built-in name rule applies ({@code false} for {@link #matching} and {@link #none}) */
    public boolean usesBuiltInNames() {
        return builtInNames;
    }

    /**
     * @param path a config path
     * @return {@code true} when the path's names or a declaration make it secret (see the class description);
     *         a configuration's {@link Configuration#isSecret(String)} also knows encrypted and marked values
     */
    public boolean isSecret(ConfigPath path) {
        Objects.requireNonNull(path, "path");
        return isDeclared(path) || isSecretByName(path);
    }

    /**
     * @param path a config path
     * @return {@code true} when the path is, or lies below, a {@linkplain #withPaths declared} path
     */
    public boolean isDeclared(ConfigPath path) {
        List<String> segs = path.segments();
        for (List<String> pattern : pathSegments) {
            if (segs.size() >= pattern.size() && prefixMatches(pattern, segs)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSecretByName(ConfigPath path) {
        List<String> segs = path.segments();
        int leaf = SecretNames.lastNameSegment(segs);
        if (leaf < 0) {
            return false;
        }
        if (exempt(segs.get(leaf))) {
            return false;
        }
        if (builtInNames && SecretNames.isSecret(segs, leaf, new Exemptions())) {
            return true;
        }
        if (!names.isEmpty()) {
            for (String segment : segs) {
                if (!exempt(segment) && found(names, segment)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #exempt} as a predicate; a class, not a method reference, which would cost a cold start a spun class. */
    private final class Exemptions implements java.util.function.Predicate<String> {
        @Override
        public boolean test(String segment) {
            return exempt(segment);
        }
    }

    private boolean exempt(String segment) {
        return !exemptions.isEmpty() && found(exemptions, segment);
    }

    private static boolean found(List<Pattern> patterns, String segment) {
        String joined = null;
        for (Pattern p : patterns) {
            if (p.matcher(segment).find()) {
                return true;
            }
            if (joined == null) {
                joined = String.join("_", SecretNames.words(segment));
            }
            if (p.matcher(joined).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixMatches(List<String> pattern, List<String> segs) {
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (!p.equals("*") && !p.equals(segs.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> compilePath(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        List<String> segs;
        try {
            segs = ConfigPath.parse(pattern).segments();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid secret path pattern '" + pattern + "': " + e.getMessage()
                    + " (write a config path such as db.credentials or services.*.token)", e);
        }
        if (segs.isEmpty()) {
            throw new IllegalArgumentException("a secret path pattern cannot be the root (it would mask everything; "
                    + "name a path such as db.credentials)");
        }
        return segs;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(Objects.requireNonNull(regex, "regex"), Pattern.CASE_INSENSITIVE);
    }

    /**
     * @param path  a config path
     * @param value the value at that path, as text
     * @return {@value #MASK} when the path is secret or the value is an encrypted envelope, else the value
     */
    public String display(ConfigPath path, String value) {
        return isSecret(path) || isEncrypted(value) ? MASK : value;
    }

    /**
     * @param value a scalar's text
     * @return {@code true} when the text is an {@code ENC[...]} envelope
     */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith("ENC[") && value.endsWith("]");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SecretPolicy other)) {
            return false;
        }
        return builtInNames == other.builtInNames && texts(names).equals(texts(other.names))
                && texts(exemptions).equals(texts(other.exemptions)) && paths.equals(other.paths);
    }

    @Override
    public int hashCode() {
        return Objects.hash(builtInNames, texts(names), texts(exemptions), paths);
    }

    private static List<String> texts(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    /** @return the rules, never a value */
    @Override
    public String toString() {
        return "SecretPolicy{builtInNames=" + builtInNames + ", names=" + texts(names) + ", exemptions="
                + texts(exemptions) + ", paths=" + paths + "}";
    }
}
