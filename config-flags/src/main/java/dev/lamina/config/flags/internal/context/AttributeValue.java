package dev.lamina.config.flags.internal.context;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.lamina.config.flags.internal.value.IpAddresses;
import dev.lamina.config.flags.internal.value.Numbers;
import dev.lamina.config.flags.internal.value.SemanticVersion;
import dev.lamina.config.flags.internal.value.Timestamps;

/**
 * One context attribute with every interpretation the operators need, parsed once when the context is built so
 * that evaluation parses nothing and allocates nothing. {@link ReadAttribute} is the other kind: an attribute read
 * from an adapter's context during one evaluation, interpreted only as far as an operator asks.
 */
public class AttributeValue {

    private final String raw;
    private final byte[] utf8;
    private final double number;
    private final SemanticVersion version;
    private final byte[] address;
    private final boolean hasInstant;
    private final long epochSecond;
    private final int nano;

    /** @param raw the attribute's text; never {@code null} */
    public AttributeValue(String raw) {
        this(raw, null);
    }

    private final String[] elements;

    /** For {@link ReadAttribute}, which overrides every accessor. */
    AttributeValue() {
        this.elements = null;
        this.raw = null;
        this.utf8 = null;
        this.number = Double.NaN;
        this.version = null;
        this.address = null;
        this.hasInstant = false;
        this.epochSecond = 0;
        this.nano = 0;
    }

    /**
     * @param raw      the attribute's text (a list's elements joined with {@code ,}); never {@code null}
     * @param elements a list attribute's elements' texts, or {@code null} for a single value
     */
    public AttributeValue(String raw, String[] elements) {
        this.elements = elements == null ? null : elements.clone();
        this.raw = raw;
        this.utf8 = raw.getBytes(StandardCharsets.UTF_8);
        this.number = Numbers.parseOrNaN(raw);
        boolean digitFirst = !raw.isEmpty() && raw.charAt(0) >= '0' && raw.charAt(0) <= '9';
        this.version = digitFirst ? SemanticVersion.parseOrNull(raw) : null;
        this.address = raw.indexOf('.') >= 0 || raw.indexOf(':') >= 0 ? IpAddresses.parseOrNull(raw) : null;
        Instant instant = digitFirst && raw.length() >= 10 && raw.charAt(4) == '-' ? Timestamps.parseOrNull(raw) : null;
        this.hasInstant = instant != null;
        this.epochSecond = instant == null ? 0 : instant.getEpochSecond();
        this.nano = instant == null ? 0 : instant.getNano();
    }

    /** @return a list attribute's elements' texts, or {@code null}; shared, not copied: do not modify */
    public String[] elements() {
        return elements;
    }

    /** @return the text */
    public String raw() {
        return raw;
    }

    /**
     * The bytes bucketing hashes, encoded here so that evaluation does not (unpaired surrogates become {@code ?},
     * as in {@link String#getBytes}). Shared, not copied: callers must not modify it.
     *
     * @return the text's UTF-8 encoding
     */
    public byte[] utf8() {
        return utf8;
    }

    /**
     * @return the UTF-8 bytes when they were encoded when the value was made (a built context's), {@code null} for a
     *         value read during the call ({@link ReadAttribute}), whose text is hashed as it is encoded
     */
    public final byte[] encodedUtf8() {
        return utf8;
    }

    /** @return the number, or {@code NaN} when the text is not a number */
    public double number() {
        return number;
    }

    /** @return the SemVer version, or {@code null} when the text is not a strict version */
    public SemanticVersion version() {
        return version;
    }

    /** @return the IP address bytes, or {@code null} when the text is not an address literal */
    public byte[] address() {
        return address;
    }

    /** @return {@code true} when the text is a date-time */
    public boolean hasInstant() {
        return hasInstant;
    }

    /** @return the date-time's epoch second */
    public long epochSecond() {
        return epochSecond;
    }

    /** @return the date-time's nano-of-second */
    public int nano() {
        return nano;
    }
}
