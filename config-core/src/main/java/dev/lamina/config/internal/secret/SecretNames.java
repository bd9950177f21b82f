package dev.lamina.config.internal.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The built-in rule for secret-looking names (see {@code docs/secrets.md}, which lists the same words). Keys are
 * read as words, so that {@code SERVICE_ROLE_KEY}, {@code serviceRoleKey} and the path {@code service.role.key} (an
 * environment variable mapped to a path) are judged alike. Stateless.
 *
 * <p>Three kinds of name make a path secret:
 * <ul>
 *   <li>a strong word in any key ({@code password}, {@code secret}, {@code token}, {@code credentials}, …, also
 *       as the end of a compound: {@code dbpassword}, {@code clientsecret}): that key's whole subtree;</li>
 *   <li>a key ending in {@code key} after a qualifier that does not name an ordinary key ({@code signing_key},
 *       {@code anonKey}, {@code apikey}, but not {@code primary_key}, {@code public_key}, {@code monkey}), or in
 *       {@code keys} after a secret-looking qualifier ({@code api_keys}, {@code ssh_keys}, but not
 *       {@code cache_keys}): that key's whole subtree;</li>
 *   <li>a weak word as the last key only ({@code pass}, {@code pwd}, {@code auth}, {@code jwt}, {@code dsn},
 *       {@code private}; a bare {@code key} qualified by the key before it, {@code anon.key}): these words also
 *       name groups of ordinary settings ({@code auth.enabled}, {@code jwt.expiry}, {@code key.serializer}).</li>
 * </ul>
 * A last key that names a setting about a secret is not secret, even below a secret-named key
 * ({@code token_ttl}, {@code password_file}, {@code password.min_length}, {@code max_tokens},
 * {@code functions_verify_jwt}); one that names what identifies it is not secret by its own name but is below a
 * secret key ({@code secret_name} and {@code access_key_id} are visible, {@code credentials.id} is not). A key that
 * names a setting ({@code password_policy}) does not make its subtree secret.
 */
public final class SecretNames {

    private static final Set<String> STRONG = Set.of("password", "passwd", "passphrase", "secret", "token",
            "credential", "creds", "cred", "apikey", "privatekey", "htpasswd");

    private static final Set<String> WEAK_LAST = Set.of("pass", "pwd", "passwd", "auth", "jwt", "dsn", "private");

    private static final Set<String> NOT_PASS = Set.of("bypass", "compass", "encompass", "overpass", "underpass",
            "surpass", "trespass", "multipass", "impass");

    /** Qualifiers of {@code key} that name ordinary keys: a database's, a cache's, a message's, a public key. */
    private static final Set<String> ORDINARY_KEY = Set.of("primary", "foreign", "partition", "sort", "routing",
            "cache", "shard", "sharding", "hash", "range", "idempotency", "dedup", "dedupe", "deduplication", "lookup",
            "group", "grouping", "map", "message", "record", "unique", "composite", "natural", "surrogate", "row",
            "join", "index", "public", "sticky", "stickiness", "bucket", "bucketing", "object", "label", "metric",
            "translation", "i18n", "hot", "short", "shortcut", "sequence", "distribution", "cluster", "clustering",
            "order", "ordering", "search", "json", "yaml", "config", "setting", "property", "field", "column",
            "table", "allowed", "known", "unknown", "extra", "valid", "ignored", "excluded", "included", "required",
            "optional", "missing", "duplicate", "next", "previous", "first", "last", "item", "entry", "entity",
            "resource", "node", "event", "state", "flag", "feature", "experiment", "variant", "context", "sorting",
            "cursor", "page", "pagination", "tag", "attribute", "dimension", "aggregation", "a", "an", "the");

    /** Compounds {@code <prefix>key} that read as secret keys ({@code apikey}, {@code anonkey}, {@code accesskey}). */
    private static final Set<String> SECRET_KEY_PREFIX = Set.of("api", "anon", "access", "secret", "private",
            "signing", "sign", "encryption", "enc", "decryption", "master", "service", "client", "app", "session",
            "license", "licence", "hmac", "auth", "admin", "root", "crypto", "cipher", "account", "storage",
            "subscription", "webhook", "shared", "consumer", "vault", "ssh", "gpg", "pgp", "rsa", "aes", "jwt",
            "user", "server", "host", "deploy", "mac", "wrapping", "data", "kms");

    /**
     * Last words that name a setting about a secret rather than the secret: such a last key is visible even below a
     * secret key ({@code password.min_length}, {@code token.ttl}, {@code credentials.file}).
     */
    private static final Set<String> ABOUT_LAST = Set.of("length", "len", "ttl", "expiry", "expiration", "expire",
            "expires", "expired", "minutes", "mins", "seconds", "secs", "hours", "days", "ms", "millis", "timeout",
            "enabled", "disabled", "enable", "required", "policy", "policies", "file", "files", "path", "paths", "dir",
            "directory", "type", "algorithm", "alg", "algo", "rotation", "count", "size", "attempts", "retries",
            "location", "version", "format", "lifetime", "store", "provider", "source", "mode", "kind", "strategy",
            "hint", "interval", "encoding", "charset", "pattern", "regex", "mount");

    /**
     * Last words that name what identifies or locates a secret: visible when the key's own name reads as a secret
     * ({@code secret_name}, {@code api_key_header}, {@code access_key_id}, {@code token_url}), but masked below a
     * secret key, where they are part of it ({@code credentials.id}, {@code token.user_id}).
     */
    private static final Set<String> IDENTITY_LAST = Set.of("name", "names", "id", "ids", "header", "url", "uri",
            "urls", "endpoint", "prefix", "suffix", "env", "variable", "var", "param", "parameter", "field", "column",
            "label", "ref", "reference", "arn", "cookie", "issuer", "audience", "scope", "scopes", "claims", "claim",
            "schema");

    /** First words that make a key a setting ({@code max_tokens}, {@code require_auth}, {@code verify_jwt}). */
    private static final Set<String> SETTING_FIRST = Set.of("min", "max", "require", "requires", "enable",
            "enabled", "use", "allow", "disable", "disabled", "verify", "skip", "num", "number", "validate", "check");

    private SecretNames() {
    }

    /**
     * @param segments a path's segments
     * @return the index of the last segment that is not a list index, or -1
     */
    public static int lastNameSegment(List<String> segments) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!isIndex(segments.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param segments a path's segments
     * @param leaf     the index of the last name segment
     * @param exempt   segments the policy exempts from the name rules
     * @return {@code true} when the built-in rule calls the path secret
     */
    public static boolean isSecret(List<String> segments, int leaf, Predicate<String> exempt) {
        List<String> leafWords = words(segments.get(leaf));
        String before = previousWord(segments, leaf);
        if (leafWords.isEmpty() || isAboutSetting(leafWords, before)) {
            return false;
        }
        for (int i = 0; i < leaf; i++) {
            String segment = segments.get(i);
            if (isIndex(segment) || exempt.test(segment)) {
                continue;
            }
            List<String> w = words(segment);
            if (w.isEmpty() || isAboutSetting(w, null) || isIdentity(w)) {
                continue;
            }
            if (hasStrongWord(w) || isQualifiedKey(w)) {
                return true;
            }
        }
        if (isIdentity(leafWords)) {
            return false;
        }
        return hasStrongWord(leafWords) || isQualifiedKey(leafWords) || isWeakLast(leafWords, before);
    }

    private static boolean hasStrongWord(List<String> w) {
        for (String word : w) {
            String singular = word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
            if (STRONG.contains(word) || STRONG.contains(singular)) {
                return true;
            }
            for (String strong : List.of("password", "passwd", "passphrase", "secret", "token", "credential")) {
                if (singular.endsWith(strong) || word.endsWith(strong)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isQualifiedKey(List<String> w) {
        String last = w.get(w.size() - 1);
        if (w.size() >= 2 && last.equals("key")) {
            return !ORDINARY_KEY.contains(singular(w.get(w.size() - 2)));
        }
        if (w.size() >= 2 && last.equals("keys")) {
            // A plural more often names a group of settings ("weird keys"): only a secret-looking qualifier counts.
            return SECRET_KEY_PREFIX.contains(w.get(w.size() - 2));
        }
        for (String word : w) {
            String stem = word.endsWith("keys") ? word.substring(0, word.length() - 4)
                    : word.endsWith("key") ? word.substring(0, word.length() - 3) : null;
            if (stem != null && !stem.isEmpty() && SECRET_KEY_PREFIX.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWeakLast(List<String> leafWords, String before) {
        String last = leafWords.get(leafWords.size() - 1);
        if (WEAK_LAST.contains(last)) {
            return true;
        }
        if ((last.endsWith("pass") || last.endsWith("pwd")) && !NOT_PASS.contains(last)) {
            return true;
        }
        if (leafWords.size() == 1 && last.equals("key")) {
            return before != null && !ORDINARY_KEY.contains(singular(before));
        }
        if (leafWords.size() == 1 && last.equals("keys")) {
            return before != null && SECRET_KEY_PREFIX.contains(before);
        }
        return false;
    }

    private static boolean isIdentity(List<String> w) {
        return IDENTITY_LAST.contains(w.get(w.size() - 1));
    }

    private static boolean isAboutSetting(List<String> w, String before) {
        String last = w.get(w.size() - 1);
        if (ABOUT_LAST.contains(last) || SETTING_FIRST.contains(w.get(0))
                || (w.size() >= 2 && SETTING_FIRST.contains(w.get(w.size() - 2)))) {
            return true;
        }
        if (w.size() >= 2 && last.equals("in") && w.get(w.size() - 2).startsWith("expire")) {
            return true;
        }
        // An environment variable VERIFY_JWT becomes the path verify.jwt: read the key before a one-word last key.
        return w.size() == 1 && before != null && SETTING_FIRST.contains(before);
    }

    private static String previousWord(List<String> segments, int leaf) {
        for (int i = leaf - 1; i >= 0; i--) {
            if (!isIndex(segments.get(i))) {
                List<String> w = words(segments.get(i));
                return w.isEmpty() ? null : w.get(w.size() - 1);
            }
        }
        return null;
    }

    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
                : word;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits a key into lower-case words: at every character that is not a letter or digit, and at camel-case
     * boundaries ({@code serviceRoleKey}, {@code APIKey} gives {@code api key}).
     *
     * @param key a key segment
     * @return its words, lower case; empty for a key without letters or digits
     */
    public static List<String> words(String key) {
        List<String> out = new ArrayList<>(4);
        StringBuilder current = new StringBuilder();
        int n = key.length();
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, out);
                continue;
            }
            if (current.length() > 0 && Character.isUpperCase(c)) {
                char prev = key.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(key.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower)) {
                    flush(current, out);
                }
            }
            current.append(c);
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }
}
