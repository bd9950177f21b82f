package dev.lamina.config.internal.audit;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The audit log's hash chain (documented in {@code docs/audit-log.md}).
 *
 * <p>Each line is a compact JSON object whose last two members are {@code prev} and {@code hash}:
 * <ul>
 *   <li>{@code prev}: SHA-256 (lower-case hex) of the previous line's exact bytes, without its
 *       {@code \n}; 64 zeros for the first line;</li>
 *   <li>{@code hash}: SHA-256 of this line with its final {@code ,"hash":"…"} member removed, that is of
 *       the JSON object holding every other member, byte for byte as written.</li>
 * </ul>
 * {@code hash} lets a verifier point at the altered line itself; {@code prev} ties each line to the one
 * before, so removing, inserting or reordering lines breaks the chain at the next line.
 *
 * <p>Stateless and thread-safe.
 */
public final class AuditChain {

    /** The {@code prev} of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] HASH_PREFIX = ",\"hash\":\"".getBytes(US_ASCII);
    private static final int SUFFIX_LENGTH = HASH_PREFIX.length + 64 + 2; // ,"hash":"<64 hex>"}
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AuditChain() {
    }

    /**
     * Serialises a record's members and seals it with its {@code hash}.
     *
     * @param body the members, ending with {@code prev}; not containing {@code hash}
     * @return the line's bytes, without the line terminator
     */
    public static byte[] seal(ObjectNode body) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit record", e);
        }
        String hash = sha256Hex(json, json.length);
        byte[] line = Arrays.copyOf(json, json.length - 1 + SUFFIX_LENGTH);
        int at = json.length - 1; // overwrite the closing brace
        System.arraycopy(HASH_PREFIX, 0, line, at, HASH_PREFIX.length);
        at += HASH_PREFIX.length;
        System.arraycopy(hash.getBytes(US_ASCII), 0, line, at, 64);
        line[at + 64] = '"';
        line[at + 65] = '}';
        return line;
    }

    /** @return a fresh JSON object for building a record's members */
    public static ObjectNode newBody() {
        return MAPPER.createObjectNode();
    }

    /**
     * SHA-256 of the first {@code length} bytes.
     *
     * @param bytes  the data
     * @param length how many bytes
     * @return lower-case hex
     */
    public static String sha256Hex(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Checks one complete line.
     *
     * @param line         the line's bytes without terminator
     * @param expectedSeq  the sequence number it must carry (its 1-based line number)
     * @param expectedPrev the {@code prev} it must carry, or {@code null} to skip that check (when the
     *                     previous line has not been read)
     * @return {@code null} when the line verifies, else what is wrong (never quoting the line's content)
     */
    public static String problemOf(byte[] line, long expectedSeq, String expectedPrev) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            return "not a valid JSON record";
        }
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        String hash = node.path("hash").asText("");
        if (!endsWithHashMember(line) || !hash.matches("[0-9a-f]{64}")) {
            return "the record does not end with its \"hash\" member";
        }
        byte[] body = Arrays.copyOf(line, line.length - SUFFIX_LENGTH + 1);
        body[body.length - 1] = '}';
        if (!sha256Hex(body, body.length).equals(hash)) {
            return "the record's hash does not match its content (the record was altered)";
        }
        if (expectedPrev != null && !expectedPrev.equals(node.path("prev").asText(""))) {
            return "chain broken: \"prev\" is not the hash of the previous line"
                    + " (a record was removed, inserted or altered before this line)";
        }
        JsonNode seq = node.get("seq");
        if (seq == null || !seq.canConvertToLong() || seq.asLong() != expectedSeq) {
            return "sequence number " + (seq == null ? "missing" : seq.asText()) + " where " + expectedSeq
                    + " was expected (a record was removed or inserted)";
        }
        return null;
    }

    private static boolean endsWithHashMember(byte[] line) {
        if (line.length < SUFFIX_LENGTH + 1) {
            return false;
        }
        int start = line.length - SUFFIX_LENGTH;
        for (int i = 0; i < HASH_PREFIX.length; i++) {
            if (line[start + i] != HASH_PREFIX[i]) {
                return false;
            }
        }
        return line[line.length - 2] == '"' && line[line.length - 1] == '}';
    }
}
