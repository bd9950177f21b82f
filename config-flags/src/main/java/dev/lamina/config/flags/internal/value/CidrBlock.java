package dev.lamina.config.flags.internal.value;

/**
 * An IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address (a full-length prefix).
 * Immutable; {@link #contains} allocates nothing.
 */
public final class CidrBlock {

    private final byte[] network;
    private final int prefixLength;

    private CidrBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * @param text {@code address} or {@code address/prefix}
     * @return the block, or {@code null} when the text is not a valid literal (names are never looked up)
     */
    public static CidrBlock parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        byte[] addr = IpAddresses.parseOrNull(slash < 0 ? t : t.substring(0, slash));
        if (addr == null) {
            return null;
        }
        int bits = addr.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(p);
            boolean mappedV4 = addr.length == 4 && t.indexOf(':') >= 0;
            if (mappedV4) {
                prefix -= 96; // ::ffff:a.b.c.d/120 is the IPv4 /24
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new CidrBlock(addr, prefix);
    }

    /**
     * @param address 4 or 16 address bytes
     * @return {@code true} when the address lies in this block (families never match each other)
     */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength >> 3;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength & 7;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}
