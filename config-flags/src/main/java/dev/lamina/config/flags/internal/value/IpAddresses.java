package dev.lamina.config.flags.internal.value;

/**
 * Parses IPv4 and IPv6 literals into bytes without any name lookup (never {@link java.net.InetAddress#getByName}).
 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) come back as their 4 IPv4 bytes.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * @param text an IPv4 dotted quad or an IPv6 literal (optionally in brackets, no zone id)
     * @return 4 or 16 bytes, or {@code null} when the text is not an address literal
     */
    public static byte[] parseOrNull(String text) {
        if (text == null || text.isEmpty() || text.length() > 60) {
            return null;
        }
        String t = text;
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.indexOf(':') >= 0) {
            byte[] v6 = parseV6(t);
            if (v6 != null && isV4Mapped(v6)) {
                return new byte[] {v6[12], v6[13], v6[14], v6[15]};
            }
            return v6;
        }
        return parseV4(t);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    static byte[] parseV4(String t) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // leading zeros are ambiguous (octal in some parsers): refuse
                }
                value = (value < 0 ? 0 : value) * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte[] parseV6(String t) {
        if (t.indexOf('%') >= 0) {
            return null;
        }
        int dbl = t.indexOf("::");
        if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl < 0 ? t : t.substring(0, dbl);
        String tail = dbl < 0 ? "" : t.substring(dbl + 2);
        int[] h = groups(head);
        int[] tl = groups(tail);
        if (h == null || tl == null) {
            return null;
        }
        int hv4 = h.length > 0 && h[h.length - 1] == -2 ? 1 : 0;
        int tv4 = tl.length > 0 && tl[tl.length - 1] == -2 ? 1 : 0;
        if (hv4 == 1 && dbl >= 0) {
            return null; // an embedded IPv4 part must be last
        }
        int words = h.length + tl.length + hv4 + tv4;
        if (dbl < 0 ? words != 8 : words > 7) {
            return null;
        }
        byte[] out = new byte[16];
        int pos = 0;
        pos = write(out, pos, h, t, head);
        if (pos < 0) {
            return null;
        }
        int tailStart = 16 - (tl.length + tv4) * 2;
        if (dbl >= 0) {
            pos = write(out, tailStart, tl, t, tail);
            if (pos < 0) {
                return null;
            }
        }
        return out;
    }

    private static int write(byte[] out, int pos, int[] groups, String all, String part) {
        for (int g : groups) {
            if (g == -2) {
                byte[] v4 = parseV4(part.substring(part.lastIndexOf(':') + 1));
                if (v4 == null) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
            } else {
                out[pos++] = (byte) (g >> 8);
                out[pos++] = (byte) g;
            }
        }
        return pos;
    }

    /** Hex groups of one side of {@code ::}; -2 marks a trailing embedded IPv4 part. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                out[i] = -2;
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }
}
