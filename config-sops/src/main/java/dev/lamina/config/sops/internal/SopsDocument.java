package dev.lamina.config.sops.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSecretException;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/**
 * SOPS 3.x's value encryption, read from its {@code sops.go} and {@code aes/cipher.go}: AES-256-GCM with the file's
 * data key, a 32-byte nonce, the path's keys joined by {@code :} plus a trailing {@code :} as additional data (list
 * items use their parent's path), and a MAC that is SHA-512 over every leaf's typed value in document order,
 * encrypted with the {@code lastmodified} text as additional data. Messages name paths and reasons, never a value.
 */
public final class SopsDocument {

    private static final Pattern ENC = Pattern.compile(
            "ENC\\[AES256_GCM,data:([A-Za-z0-9+/=]*),iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/=]+),type:([a-z]+)\\]");

    private SopsDocument() {
    }

    /**
     * @param root      the decrypted tree without the {@code sops} block
     * @param secretPaths the paths whose values were decrypted
     */
    public record Result(ConfigObject root, Set<ConfigPath> secretPaths) {
    }

    /**
     * @param root a parsed document
     * @return {@code true} for a SOPS file: a top-level {@code sops} object with {@code mac} and {@code version}
     */
    public static boolean isSops(ConfigObject root) {
        ConfigNode sops = root.entries().get("sops");
        return sops instanceof ConfigObject o && o.entries().containsKey("mac") && o.entries().containsKey("version");
    }

    /** Which leaves the file's rules say are encrypted. */
    private record Rules(String unencryptedSuffix, String encryptedSuffix, Pattern unencryptedRegex,
                         Pattern encryptedRegex) {

        /** SOPS decides on the keys of the path: any key matching an "unencrypted" rule, or none matching an "encrypted" one. */
        boolean encrypted(List<String> keys) {
            boolean matchedEncrypted = encryptedSuffix == null && encryptedRegex == null;
            for (String k : keys) {
                if (unencryptedSuffix != null && k.endsWith(unencryptedSuffix)) {
                    return false;
                }
                if (unencryptedRegex != null && unencryptedRegex.matcher(k).find()) {
                    return false;
                }
                if ((encryptedSuffix != null && k.endsWith(encryptedSuffix))
                        || (encryptedRegex != null && encryptedRegex.matcher(k).find())) {
                    matchedEncrypted = true;
                }
            }
            return matchedEncrypted;
        }
    }

    /**
     * @param source the layer's name, for messages
     * @param root   the parsed SOPS document
     * @param keys   where data keys come from
     * @return the decrypted tree
     * @throws ConfigSecretException when no key opens the file, the MAC does not match, or a value does not decrypt
     */
    public static Result decrypt(String source, ConfigObject root, SopsKeys keys) {
        ConfigObject sops = (ConfigObject) root.entries().get("sops");
        Origin origin = sops.origin();
        String lastModified = text(sops, "lastmodified").orElseThrow(() -> new ConfigSecretException(origin,
                ConfigPath.of("sops"), "the SOPS metadata has no lastmodified (the MAC cannot be checked)"));
        ConfigNode macNode = sops.entries().get("mac");
        if (!(macNode instanceof ConfigScalar mac)) {
            throw new ConfigSecretException(origin, ConfigPath.of("sops", "mac"), "the SOPS mac is not a string");
        }
        Rules rules = rules(sops, origin);
        Map<String, ConfigNode> data = new LinkedHashMap<>(root.entries());
        data.remove("sops");
        ConfigObject body = new ConfigObject(data, root.origin());

        byte[] dataKey = dataKey(source, sops, mac.text(), lastModified, keys, origin);
        Set<ConfigPath> secret = new HashSet<>();
        MessageDigest digest = sha512();
        ConfigObject decrypted = (ConfigObject) walk(body, new ArrayList<>(), new ArrayList<>(), rules, dataKey, digest,
                secret, macOnlyEncrypted(sops));
        String expected = HexFormat.of().withUpperCase().formatHex(digest.digest());
        String stored = decryptMac(mac.text(), dataKey, lastModified, origin);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII))) {
            throw new ConfigSecretException(origin, ConfigPath.of("sops", "mac"), "the SOPS MAC does not match the "
                    + "values: the file was changed without SOPS (a value edited, added, removed or reordered); "
                    + "refusing it (fix: edit it with 'sops', or restore it)");
        }
        return new Result(decrypted, secret);
    }

    private static boolean macOnlyEncrypted(ConfigObject sops) {
        ConfigNode n = sops.entries().get("mac_only_encrypted");
        return n instanceof ConfigScalar s && s.text().equalsIgnoreCase("true");
    }

    private static Rules rules(ConfigObject sops, Origin origin) {
        String unSuffix = text(sops, "unencrypted_suffix").orElse(null);
        String encSuffix = text(sops, "encrypted_suffix").orElse(null);
        Pattern unRegex = regex(sops, "unencrypted_regex", origin);
        Pattern encRegex = regex(sops, "encrypted_regex", origin);
        if (unSuffix == null && encSuffix == null && unRegex == null && encRegex == null) {
            unSuffix = "_unencrypted"; // SOPS's default
        }
        return new Rules(unSuffix, encSuffix, unRegex, encRegex);
    }

    private static Pattern regex(ConfigObject sops, String key, Origin origin) {
        Optional<String> r = text(sops, key);
        if (r.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(r.get());
        } catch (PatternSyntaxException e) {
            throw new ConfigSecretException(origin, ConfigPath.of("sops", key), "not a valid regular expression");
        }
    }

    private static Optional<String> text(ConfigObject o, String key) {
        ConfigNode n = o.entries().get(key);
        return n instanceof ConfigScalar s && !s.text().isEmpty() ? Optional.of(s.text()) : Optional.empty();
    }

    private static byte[] dataKey(String source, ConfigObject sops, String mac, String lastModified, SopsKeys keys,
                                  Origin origin) {
        if (!ENC.matcher(mac).matches()) {
            // Checked first: every key is tried against the MAC, and "no usable key" would blame the keys.
            throw new ConfigSecretException(origin, ConfigPath.of("sops", "mac"), "the SOPS mac is not an ENC[...] "
                    + "value: the file was changed without SOPS (fix: edit it with 'sops', or restore it)");
        }
        if (keys.hasIdentities()) {
            keys.check();
        }
        boolean opened = !keys.dataKeys().isEmpty();
        for (byte[] k : keys.dataKeys()) {
            if (macDecrypts(mac, k, lastModified)) {
                return k;
            }
        }
        List<String> ageRecipients = new ArrayList<>();
        ConfigNode age = sops.entries().get("age");
        if (age instanceof ConfigList list) {
            for (ConfigNode item : list.items()) {
                if (item instanceof ConfigObject stanza) {
                    text(stanza, "recipient").ifPresent(ageRecipients::add);
                    Optional<String> enc = text(stanza, "enc");
                    if (enc.isPresent() && keys.hasIdentities()) {
                        Optional<byte[]> k = keys.unwrap(enc.get());
                        if (k.isPresent() && macDecrypts(mac, k.get(), lastModified)) {
                            return k.get();
                        }
                        opened |= k.isPresent();
                    }
                }
            }
        }
        if (opened) {
            // A data key was there (given in code, or unwrapped by an identity) but the MAC is not its: either it
            // is another file's key, or the mac or lastmodified was edited.
            throw new ConfigSecretException(origin, ConfigPath.of("sops", "mac"), "the SOPS mac does not decrypt "
                    + "with the data key " + (keys.hasIdentities() ? "an age identity opened" : "given")
                    + ": the mac or lastmodified was changed without SOPS, or the key is another file's; refusing "
                    + "it (fix: edit it with 'sops', or restore it)");
        }
        throw new ConfigSecretException(origin, null, "no usable key for this SOPS file: it is encrypted for "
                + recipients(sops, ageRecipients) + "; "
                + (keys.hasIdentities() ? "none of the configured age identities opens it"
                        : "no age identity is configured")
                + " (fix: set SOPS_AGE_KEY_FILE or SOPS_AGE_KEY to an identity of an age recipient; PGP and cloud "
                + "KMS keys are not supported)");
    }

    private static String recipients(ConfigObject sops, List<String> age) {
        List<String> parts = new ArrayList<>();
        if (!age.isEmpty()) {
            parts.add("age " + age);
        }
        ConfigNode pgp = sops.entries().get("pgp");
        if (pgp instanceof ConfigList list && !list.items().isEmpty()) {
            List<String> fps = new ArrayList<>();
            for (ConfigNode n : list.items()) {
                if (n instanceof ConfigObject o) {
                    text(o, "fp").ifPresent(fps::add);
                }
            }
            parts.add("PGP " + fps);
        }
        for (String kms : new TreeSet<>(List.of("kms", "gcp_kms", "azure_kv", "hc_vault"))) {
            ConfigNode n = sops.entries().get(kms);
            if (n instanceof ConfigList list && !list.items().isEmpty()) {
                parts.add(kms + " (" + list.size() + ")");
            }
        }
        return parts.isEmpty() ? "no recipients" : String.join(", ", parts);
    }

    private static boolean macDecrypts(String mac, byte[] key, String lastModified) {
        Matcher m = ENC.matcher(mac);
        if (!m.matches()) {
            return false;
        }
        try {
            gcm(key, m, lastModified);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        }
    }

    private static String decryptMac(String mac, byte[] key, String lastModified, Origin origin) {
        Matcher m = ENC.matcher(mac);
        if (!m.matches()) {
            throw new ConfigSecretException(origin, ConfigPath.of("sops", "mac"), "the SOPS mac is not an ENC[...] value");
        }
        try {
            return new String(gcm(key, m, lastModified), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ConfigSecretException(origin, ConfigPath.of("sops", "mac"), "the SOPS mac does not decrypt");
        }
    }

    private static ConfigNode walk(ConfigNode node, List<String> keys, List<String> trail, Rules rules, byte[] key,
                                   MessageDigest digest, Set<ConfigPath> secret, boolean macOnlyEncrypted) {
        if (node instanceof ConfigObject o) {
            Map<String, ConfigNode> out = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                keys.add(e.getKey());
                trail.add(e.getKey());
                out.put(e.getKey(), walk(e.getValue(), keys, trail, rules, key, digest, secret, macOnlyEncrypted));
                trail.remove(trail.size() - 1);
                keys.remove(keys.size() - 1);
            }
            return new ConfigObject(out, o.origin());
        }
        if (node instanceof ConfigList l) {
            List<ConfigNode> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                // List items are authenticated with their parent's path: only keys go into the AAD.
                trail.add(Integer.toString(i));
                out.add(walk(l.items().get(i), keys, trail, rules, key, digest, secret, macOnlyEncrypted));
                trail.remove(trail.size() - 1);
            }
            return new ConfigList(out, l.origin());
        }
        if (node instanceof ConfigNull) {
            return node;
        }
        ConfigScalar s = (ConfigScalar) node;
        ConfigPath path = ConfigPath.of(trail);
        boolean encrypted = rules.encrypted(keys) && s.type() == ScalarType.STRING && !s.text().isEmpty();
        if (!encrypted) {
            if (!macOnlyEncrypted) {
                digest.update(macBytes(s));
            }
            return s;
        }
        Matcher m = ENC.matcher(s.text());
        if (!m.matches()) {
            throw new ConfigSecretException(s.origin(), path, "this value should be encrypted by SOPS but is not an "
                    + "ENC[AES256_GCM,...] value (value not shown; fix: encrypt the file again with sops)");
        }
        String aad = String.join(":", keys) + ":";
        String plain;
        try {
            plain = new String(gcm(key, m, aad), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ConfigSecretException(s.origin(), path, "the SOPS value does not decrypt (changed data, IV or "
                    + "tag, or moved from another path)");
        }
        ConfigScalar typed = typed(plain, m.group(4), s.origin(), path);
        digest.update(macBytes(typed));
        secret.add(path);
        return typed;
    }

    private static ConfigScalar typed(String plain, String type, Origin origin, ConfigPath path) {
        switch (type) {
            case "str", "bytes" -> {
                return new ConfigScalar(plain, ScalarType.STRING, origin);
            }
            case "int", "float" -> {
                try {
                    new BigDecimal(plain);
                } catch (NumberFormatException e) {
                    throw new ConfigSecretException(origin, path, "a SOPS value of type " + type
                            + " is not a number (value not shown)");
                }
                return new ConfigScalar(plain, ScalarType.NUMBER, origin);
            }
            case "bool" -> {
                if (!plain.equals("True") && !plain.equals("False")) {
                    throw new ConfigSecretException(origin, path, "a SOPS value of type bool is not True or False");
                }
                return new ConfigScalar(plain.equals("True") ? "true" : "false", ScalarType.BOOLEAN, origin);
            }
            default -> throw new ConfigSecretException(origin, path, "unknown SOPS value type '" + type + "'");
        }
    }

    /** SOPS hashes strings as UTF-8, integers in decimal, floats as Go's FormatFloat(f, 'f', -1), booleans as True/False. */
    private static byte[] macBytes(ConfigScalar s) {
        String text = s.text();
        if (s.type() == ScalarType.BOOLEAN) {
            text = text.equalsIgnoreCase("true") ? "True" : "False";
        } else if (s.type() == ScalarType.NUMBER && (text.contains(".") || text.contains("e") || text.contains("E"))) {
            text = new BigDecimal(Double.toString(Double.parseDouble(text))).stripTrailingZeros().toPlainString();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gcm(byte[] key, Matcher m, String aad) throws AEADBadTagException {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] data = b64.decode(m.group(1));
        byte[] iv = b64.decode(m.group(2));
        byte[] tag = b64.decode(m.group(3));
        byte[] in = new byte[data.length + tag.length];
        System.arraycopy(data, 0, in, 0, data.length);
        System.arraycopy(tag, 0, in, data.length, tag.length);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tag.length * 8, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(in);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AEADBadTagException("malformed");
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }
}
