package dev.lamina.config;

/**
 * The {@link AuthorizationPolicy} refused a principal's change to a path. Nothing was applied.
 */
public class ConfigAccessDeniedException extends ConfigException {

    private static final long serialVersionUID = 1L;

    private final String principal;

    /**
     * @param principal the principal's name
     * @param path      the first path it may not change
     */
    public ConfigAccessDeniedException(String principal, ConfigPath path) {
        super(null, path, "principal '" + principal + "' may not change this path (fix: grant one of its roles a "
                + "pattern that matches it)");
        this.principal = principal;
    }

    /** @return the refused principal's name */
    public String principal() {
        return principal;
    }
}
