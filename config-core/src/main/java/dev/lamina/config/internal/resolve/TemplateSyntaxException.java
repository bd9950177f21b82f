package dev.lamina.config.internal.resolve;

/**
 * A string is not a valid template. Carries the column of the offending {@code $}, never the text, so that the
 * caller can build a message that cannot leak a secret.
 */
final class TemplateSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int column;

    TemplateSyntaxException(int column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** @return 1-based position of the {@code $} that starts the faulty expression */
    int column() {
        return column;
    }
}
