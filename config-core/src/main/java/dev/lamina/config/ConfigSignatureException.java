package dev.lamina.config;

/**
 * A signed configuration directory was refused: the signature file is missing or malformed, it was made with
 * another key, or a file was changed, added, removed or renamed since it was signed. Thrown before any file of the
 * directory is parsed; a reload that throws it keeps the last good snapshot.
 */
public class ConfigSignatureException extends ConfigSecretException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin the directory or the file concerned
     * @param reason what is wrong and how to fix it
     */
    public ConfigSignatureException(Origin origin, String reason) {
        super(origin, null, reason);
    }
}
