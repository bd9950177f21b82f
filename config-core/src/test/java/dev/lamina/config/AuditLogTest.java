package dev.lamina.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("audit.jsonl");
    }

    private AuditLog open() {
        return AuditLog.open(file(), SecretPolicy.DEFAULT, CLOCK);
    }

    private static ConfigScalar text(String s) {
        return ConfigScalar.string(s, Origin.UNKNOWN);
    }

    private static AuditRecord portChange(long version) {
        return AuditRecord.applied("update", "alice", List.of(AuditRecord.Change.of(ConfigPath.parse("server.port"),
                text("8080"), text("9090"))), version);
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file(), UTF_8));
    }

    private void writeLines(List<String> lines) throws IOException {
        Files.writeString(file(), String.join("\n", lines) + "\n");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(UTF_8)));
    }

    @Test
    void writesOneJsonLineWithTheDocumentedMembers() throws IOException {
        open().append(portChange(4));

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode r = JSON.readTree(lines.get(0));
        assertThat(r.fieldNames()).toIterable().containsExactly("seq", "time", "principal", "action", "paths",
                "changes", "version", "result", "reason", "prev", "hash");
        assertThat(r.get("seq").asLong()).isEqualTo(1);
        assertThat(r.get("time").asText()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(r.get("principal").asText()).isEqualTo("alice");
        assertThat(r.get("action").asText()).isEqualTo("update");
        assertThat(r.get("paths").get(0).asText()).isEqualTo("server.port");
        assertThat(r.get("changes").get(0).get("old").asText()).isEqualTo("8080");
        assertThat(r.get("changes").get(0).get("new").asText()).isEqualTo("9090");
        assertThat(r.get("version").asLong()).isEqualTo(4);
        assertThat(r.get("result").asText()).isEqualTo("applied");
        assertThat(r.get("reason").isNull()).isTrue();
        assertThat(r.get("prev").asText()).isEqualTo("0".repeat(64));
    }

    @Test
    void hashIsTheSha256OfTheLineWithoutItsHashMember() throws Exception {
        open().append(portChange(1));

        String line = lines().get(0);
        String hash = JSON.readTree(line).get("hash").asText();
        String withoutHash = line.substring(0, line.indexOf(",\"hash\":")) + "}";
        assertThat(hash).isEqualTo(sha256(withoutHash));
    }

    @Test
    void prevIsTheSha256OfThePreviousLine() throws Exception {
        AuditLog log = open();
        log.append(portChange(1));
        log.append(portChange(2));

        List<String> lines = lines();
        assertThat(JSON.readTree(lines.get(1)).get("prev").asText()).isEqualTo(sha256(lines.get(0)));
    }

    @Test
    void absentPrincipalIsWrittenAsJsonNull() throws IOException {
        open().append(AuditRecord.applied("reload", null, List.of(), 7));

        assertThat(JSON.readTree(lines().get(0)).get("principal").isNull()).isTrue();
    }

    @Test
    void rejectedChangeRecordsResultAndReason() throws IOException {
        open().append(AuditRecord.rejected("update", "bob", List.of(), 3, "server.port: must be at most 65535"));

        JsonNode r = JSON.readTree(lines().get(0));
        assertThat(r.get("result").asText()).isEqualTo("rejected");
        assertThat(r.get("reason").asText()).isEqualTo("server.port: must be at most 65535");
    }

    @Test
    void chainStaysValidAcrossReopen() {
        AuditLog first = open();
        first.append(portChange(1));
        first.append(portChange(2));

        AuditLog second = open();
        assertThat(second.lastSequence()).isEqualTo(2);
        assertThat(second.append(portChange(3))).isEqualTo(3);

        AuditVerification v = AuditLog.verify(file());
        assertThat(v.valid()).as(v.describe()).isTrue();
        assertThat(v.records()).isEqualTo(3);
    }

    @Test
    void verificationReportsTheHeadHashForAnchoring() throws Exception {
        open().append(portChange(1));

        assertThat(AuditLog.verify(file()).head()).contains(sha256(lines().get(0)));
    }

    @Test
    void emptyLogVerifiesWithNoRecords() throws IOException {
        Files.createFile(file());

        AuditVerification v = AuditLog.verify(file());

        assertThat(v.valid()).isTrue();
        assertThat(v.records()).isZero();
        assertThat(v.head()).isEmpty();
    }

    @Test
    void tamperedRecordIsDetectedAtItsLine() throws IOException {
        AuditLog log = open();
        for (int i = 1; i <= 3; i++) {
            log.append(portChange(i));
        }
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("9090", "9091"));
        writeLines(lines);

        AuditVerification v = AuditLog.verify(file());

        assertThat(v.valid()).isFalse();
        assertThat(v.brokenLine()).hasValue(2);
        assertThat(v.records()).isEqualTo(1);
        assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p).contains("altered"));
    }

    @Test
    void tamperedRecordWithARecomputedHashBreaksTheChainAtTheNextLine() throws Exception {
        AuditLog log = open();
        for (int i = 1; i <= 3; i++) {
            log.append(portChange(i));
        }
        List<String> lines = lines();
        String altered = lines.get(1).replace("9090", "9091");
        String body = altered.substring(0, altered.indexOf(",\"hash\":")) + "}";
        lines.set(1, body.substring(0, body.length() - 1) + ",\"hash\":\"" + sha256(body) + "\"}");
        writeLines(lines);

        AuditVerification v = AuditLog.verify(file());

        assertThat(v.brokenLine()).hasValue(3);
        assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p).contains("chain broken"));
    }

    @Test
    void deletedRecordIsDetectedWhereItWas() throws IOException {
        AuditLog log = open();
        for (int i = 1; i <= 4; i++) {
            log.append(portChange(i));
        }
        List<String> lines = lines();
        lines.remove(2);
        writeLines(lines);

        AuditVerification v = AuditLog.verify(file());

        assertThat(v.brokenLine()).hasValue(3);
        assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p).contains("chain broken"));
    }

    @Test
    void badJsonInTheMiddleIsReportedWithoutQuotingTheLine() throws IOException {
        AuditLog log = open();
        log.append(portChange(1));
        log.append(portChange(2));
        List<String> lines = lines();
        lines.set(0, "{\"seq\":1, \"password\":\"hunter2\"");
        writeLines(lines);

        AuditVerification v = AuditLog.verify(file());

        assertThat(v.brokenLine()).hasValue(1);
        assertThat(v.problem()).hasValue("not a valid JSON record");
    }

    @Test
    void tornLastLineIsDetectedByVerification() throws IOException {
        AuditLog log = open();
        log.append(portChange(1));
        log.append(portChange(2));
        Files.writeString(file(), "{\"seq\":3,\"time\":\"2026-", StandardOpenOption.APPEND);

        AuditVerification v = AuditLog.verify(file());

        assertThat(v.valid()).isFalse();
        assertThat(v.records()).isEqualTo(2);
        assertThat(v.brokenLine()).hasValue(3);
        assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("torn last line"));
    }

    @Test
    void openingALogWithATornLastLineIsRefusedWithFileAndLine() throws IOException {
        open().append(portChange(1));
        Files.writeString(file(), "{\"seq\":2,", StandardOpenOption.APPEND);

        assertThatThrownBy(this::open)
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file() + ":2")
                .hasMessageContaining("torn")
                .hasMessageContaining("AuditLog.repair");
    }

    @Test
    void openingALogWhoseLastRecordWasAlteredIsRefused() throws IOException {
        open().append(portChange(1));
        writeLines(List.of(lines().get(0).replace("alice", "mallory")));

        assertThatThrownBy(this::open)
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file() + ":1")
                .hasMessageContaining("altered");
    }

    @Test
    void repairMovesTheTornLineAsideAndTheChainContinues() throws IOException {
        open().append(portChange(1));
        Files.writeString(file(), "{\"seq\":2,", StandardOpenOption.APPEND);

        long removed = AuditLog.repair(file());

        assertThat(removed).isEqualTo("{\"seq\":2,".length());
        try (Stream<Path> s = Files.list(dir)) {
            Path aside = s.filter(p -> p.getFileName().toString().startsWith("audit.jsonl.torn-")).findFirst()
                    .orElseThrow();
            assertThat(aside).hasContent("{\"seq\":2,");
        }
        open().append(portChange(2));
        assertThat(AuditLog.verify(file()).valid()).isTrue();
    }

    @Test
    void repairOfAValidLogChangesNothing() throws IOException {
        open().append(portChange(1));
        byte[] before = Files.readAllBytes(file());

        assertThat(AuditLog.repair(file())).isZero();
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void repairRefusesDamageOtherThanATornLastLine() throws IOException {
        AuditLog log = open();
        log.append(portChange(1));
        log.append(portChange(2));
        List<String> lines = lines();
        lines.remove(0);
        writeLines(lines);
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> AuditLog.repair(file()))
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file() + ":1")
                .hasMessageContaining("only a torn last line can be repaired");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void logInAMissingDirectoryCannotBeOpened() {
        Path sink = dir.resolve("no-such-dir").resolve("audit.jsonl");

        assertThatThrownBy(() -> AuditLog.open(sink))
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(sink.toString())
                .hasMessageContaining("cannot create the audit log");
    }

    @Test
    void appendThrowsWhenTheSinkCannotBeWritten() throws IOException {
        AuditLog log = open();
        log.append(portChange(1));
        Files.delete(file());
        Files.delete(dir);

        assertThatThrownBy(() -> log.append(portChange(2)))
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("the change must not be applied");
    }

    @Test
    void appendThrowsWhenTheSinkIsADirectory() throws IOException {
        AuditLog log = open();
        Files.delete(file());
        Files.createDirectory(file());

        assertThatThrownBy(() -> log.append(portChange(1)))
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file().toString());
    }

    @Test
    void appendIsRefusedWhenAnotherWriterAppendedMeanwhile() {
        AuditLog first = open();
        AuditLog second = open();
        first.append(portChange(1));

        assertThatThrownBy(() -> second.append(portChange(2)))
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("changed by another writer");
        assertThat(AuditLog.verify(file()).valid()).isTrue();
    }

    @Test
    void newLogIsReadableByTheOwnerOnly() throws IOException {
        open();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void verifyingAMissingFileNamesIt() {
        assertThatThrownBy(() -> AuditLog.verify(file()))
                .isInstanceOf(ConfigAuditException.class)
                .hasMessageContaining(file().toString());
    }

    @Test
    void secretValuesNeverReachTheFile() throws IOException {
        ConfigObject db = new ConfigObject(Map.of(
                "url", text("jdbc:postgresql://db/app"),
                "password", text("s3cr3t-in-object"),
                "replicas", new ConfigList(List.of(new ConfigObject(Map.of("api_key", text("k3y-in-list")),
                        Origin.UNKNOWN)), Origin.UNKNOWN)), Origin.UNKNOWN);
        open().append(AuditRecord.applied("update", "alice", List.of(
                AuditRecord.Change.of(ConfigPath.parse("db.password"), text("old-hunter2"), text("new-hunter2")),
                AuditRecord.Change.of(ConfigPath.parse("db"), null, db),
                AuditRecord.Change.of(ConfigPath.parse("mail.relay"), null,
                        text("ENC[v1,AES256_GCM,kid:k1,iv:aXY=,data:ZGF0YQ==,tag:dGFn]"))), 2));

        String bytes = Files.readString(file());
        assertThat(bytes).doesNotContain("hunter2", "s3cr3t", "k3y-in-list", "ENC[", "ZGF0YQ");
        assertThat(bytes).contains("jdbc:postgresql://db/app"); // non-secret siblings stay readable
        JsonNode changes = JSON.readTree(bytes).get("changes");
        assertThat(changes.get(0).get("old").asText()).isEqualTo("***");
        assertThat(changes.get(1).get("new").get("password").asText()).isEqualTo("***");
        assertThat(changes.get(2).get("new").asText()).isEqualTo("***");
    }

    @Test
    void scalarsAreWrittenAsTheirTextAndNullsAsJsonNull() throws IOException {
        open().append(AuditRecord.applied("update", null, List.of(
                AuditRecord.Change.of(ConfigPath.parse("mode"), new ConfigScalar("0755", ScalarType.NUMBER,
                        Origin.UNKNOWN), new ConfigNull(Origin.UNKNOWN))), 1));

        JsonNode change = JSON.readTree(lines().get(0)).get("changes").get(0);
        assertThat(change.get("old").isTextual()).isTrue();
        assertThat(change.get("old").asText()).isEqualTo("0755");
        assertThat(change.get("new").isNull()).isTrue();
    }
}
