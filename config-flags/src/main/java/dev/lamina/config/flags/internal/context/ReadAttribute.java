package dev.lamina.config.flags.internal.context;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.lamina.config.flags.internal.value.IpAddresses;
import dev.lamina.config.flags.internal.value.Numbers;
import dev.lamina.config.flags.internal.value.SemanticVersion;
import dev.lamina.config.flags.internal.value.Timestamps;

/**
 * An attribute read from an adapter's context (OpenFeature's) while one flag is evaluated: it keeps the value as the
 * adapter holds it (a {@code String}, {@code Boolean}, {@code Number} or {@code Instant}, never a list) and
 * interprets it only as far as an operator asks. A string compared by {@code IN} or hashed for a rollout, a number
 * compared by {@code NUM_*}, an instant compared by {@code DATE_*}, a boolean: none of these allocates (the text of a
 * number or instant, a version or an address is made only when an operator asks for it).
 *
 * <p>Mutable and confined to one thread: a reader reuses a few of these for every evaluation on its thread (see
 * {@link #set}); the interpretation is the same as {@link AttributeValue}'s of the value's text form.
 */
public final class ReadAttribute extends AttributeValue {

    private Object value;
    private String raw;
    private boolean numberDone;
    private double number;
    private boolean versionDone;
    private SemanticVersion version;
    private boolean addressDone;
    private byte[] address;
    private boolean instantDone;
    private boolean hasInstant;
    private long epochSecond;
    private int nano;

    /**
     * @param value a {@code String}, {@code Boolean}, {@code Number} or {@code Instant} (see
     *              {@link AttributeText#isScalar})
     * @return this, now holding {@code value}
     */
    public ReadAttribute set(Object value) {
        this.value = value;
        this.raw = value instanceof String s ? s : value instanceof Boolean b ? (b ? "true" : "false") : null;
        this.numberDone = false;
        this.versionDone = false;
        this.addressDone = false;
        this.instantDone = false;
        return this;
    }

    @Override
    public String[] elements() {
        return null;
    }

    @Override
    public String raw() {
        String r = raw;
        if (r == null) {
            r = AttributeText.text(value);
            raw = r;
        }
        return r;
    }

    @Override
    public byte[] utf8() {
        return raw().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public double number() {
        if (!numberDone) {
            Object v = value;
            double n;
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                n = ((Number) v).longValue(); // the nearest double, as parsing its decimal text gives
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue(); // its text is Double.toString's digits: parses back to d
                n = Double.isFinite(d) ? d + 0.0 : Double.NaN; // + 0.0: the text of -0.0 is 0
            } else if (v instanceof Boolean) {
                n = Double.NaN;
            } else if (v instanceof Instant) {
                n = Double.NaN;
            } else {
                n = Numbers.parseOrNaN(raw()); // text, BigDecimal, BigInteger
            }
            number = n;
            numberDone = true;
        }
        return number;
    }

    @Override
    public SemanticVersion version() {
        if (!versionDone) {
            SemanticVersion ver = null;
            if (!(value instanceof Boolean) && !(value instanceof Instant)) {
                String r = raw();
                ver = !r.isEmpty() && r.charAt(0) >= '0' && r.charAt(0) <= '9' ? SemanticVersion.parseOrNull(r) : null;
            }
            version = ver;
            versionDone = true;
        }
        return version;
    }

    @Override
    public byte[] address() {
        if (!addressDone) {
            byte[] a = null;
            if (!(value instanceof Boolean)) {
                String r = raw();
                a = r.indexOf('.') >= 0 || r.indexOf(':') >= 0 ? IpAddresses.parseOrNull(r) : null;
            }
            address = a;
            addressDone = true;
        }
        return address;
    }

    @Override
    public boolean hasInstant() {
        instant();
        return hasInstant;
    }

    @Override
    public long epochSecond() {
        instant();
        return epochSecond;
    }

    @Override
    public int nano() {
        instant();
        return nano;
    }

    private void instant() {
        if (instantDone) {
            return;
        }
        Object v = value;
        Instant i = null;
        if (v instanceof Instant t) {
            i = t;
        } else if (v instanceof String r) {
            // A number's or a boolean's text is never a date-time (no '-' after a leading digit).
            boolean digitFirst = !r.isEmpty() && r.charAt(0) >= '0' && r.charAt(0) <= '9';
            i = digitFirst && r.length() >= 10 && r.charAt(4) == '-' ? Timestamps.parseOrNull(r) : null;
        }
        hasInstant = i != null;
        epochSecond = i == null ? 0 : i.getEpochSecond();
        nano = i == null ? 0 : i.getNano();
        instantDone = true;
    }

    /** @return {@code true} for the kinds of value {@link #set} takes */
    static boolean kindOf(Object v) {
        return v instanceof String || v instanceof Boolean || v instanceof Instant || v instanceof Long
                || v instanceof Integer || v instanceof Double || v instanceof Short || v instanceof Byte
                || v instanceof Float || v instanceof BigDecimal || v instanceof BigInteger;
    }
}
