package dev.lamina.config.kubernetes.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules, as {@code k8s.io/apimachinery/pkg/util/validation} states them: whole-string matches,
 * lengths in bytes. Stateless.
 */
public final class Names {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    /** What a subdomain is, for messages. */
    public static final String SUBDOMAIN_RULE = "lower-case letters, digits, '-' and '.', starting and ending with a "
            + "letter or digit, at most 253 characters (RFC 1123 subdomain)";

    /** What a ConfigMap key is, for messages. */
    public static final String KEY_RULE = "letters, digits, '-', '_' and '.', at most 253 characters, not '.' or "
            + "'..' and not starting with '..'";

    private Names() {
    }

    /**
     * @param s a name
     * @return whether it is a DNS-1123 subdomain (object names)
     */
    public static boolean isDns1123Subdomain(String s) {
        return bytes(s) <= 253 && SUBDOMAIN.matcher(s).matches();
    }

    /**
     * @param s a name
     * @return whether it is a DNS-1123 label (namespaces)
     */
    public static boolean isDns1123Label(String s) {
        return bytes(s) <= 63 && DNS_LABEL.matcher(s).matches();
    }

    /**
     * @param s a key
     * @return whether it is a valid ConfigMap / Secret data key
     */
    public static boolean isConfigMapKey(String s) {
        return bytes(s) <= 253 && CONFIG_MAP_KEY.matcher(s).matches() && !s.equals(".") && !s.startsWith("..");
    }

    /**
     * @param key a label or annotation key, {@code [prefix/]name}
     * @return whether it is a qualified name (prefix a subdomain, name at most 63 characters)
     */
    public static boolean isQualifiedName(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && !isDns1123Subdomain(key.substring(0, slash))) {
            return false;
        }
        return bytes(name) <= 63 && QUALIFIED_NAME.matcher(name).matches();
    }

    /**
     * @param v a label value
     * @return whether it is a valid label value (empty, or a qualified name part of at most 63 characters)
     */
    public static boolean isLabelValue(String v) {
        return v.isEmpty() || (bytes(v) <= 63 && QUALIFIED_NAME.matcher(v).matches());
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
