package dev.lamina.config.profiles.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Profile and region names: how they are written, checked and compared. */
public final class Names {

    /** A letter or digit, then up to 63 letters, digits, {@code _} or {@code -} (so a name never leaves a directory). */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The rule in words. */
    public static final String RULE = "a letter or digit followed by at most 63 letters, digits, '_' or '-'";

    private Names() {
    }

    /**
     * @param name a profile name as written ({@code HIGH_VOLUME}, {@code high-volume}, {@code High_Volume})
     * @return the form names are compared in: lower case, {@code _} as {@code -} ({@code high-volume})
     */
    public static String canonical(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param file a file name ({@code high-volume.yaml})
     * @return the name without its extension
     */
    public static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
