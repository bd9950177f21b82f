package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.etcd.EtcdProcess;

/** push, history and --etcd on render, get, explain and watch, against a real etcd. */
class EtcdCommandsTest {

    @TempDir
    static Path etcdDir;
    @TempDir
    Path dir;

    static EtcdProcess etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start(etcdDir);
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    private Path files() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "server:\n  port: 8080\n  host: ${HOST:-localhost}\n"
                + "db:\n  password: ${DB_PASSWORD:-}\n");
        Files.writeString(dir.resolve("prod.yaml"), "server:\n  port: 9090\n");
        return dir;
    }

    @Test
    void pushWritesTheFilesAsWrittenThenRenderGetExplainAndHistoryReadEtcd() throws Exception {
        String prefix = "/lamina/cli-push/prod/";
        CliRun push = CliRun.of("push", "--dir", files().toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).contains("pushed 3 keys to " + prefix + " (3 written, 0 deleted, 0 unchanged)");
        assertThat(push.out()).doesNotContain("hunter2");
        assertThat(etcd.gateway().post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(prefix + "server/host")
                + "\"}")).contains(EtcdProcess.b64("${HOST:-localhost}"));

        CliRun get = CliRun.withEnvironment(Map.of("HOST", "db.internal"), "get", "server.host", "--etcd",
                etcd.endpoint(), "--prefix", prefix);
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out().strip()).isEqualTo("db.internal");
        CliRun port = CliRun.of("get", "server.port", "--etcd", etcd.endpoint(), "--prefix", prefix);
        assertThat(port.out().strip()).isEqualTo("9090");
        CliRun render = CliRun.withEnvironment(Map.of("DB_PASSWORD", "hunter2-secret"), "render", "--etcd",
                etcd.endpoint(), "--prefix", prefix);
        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(render.out()).contains("port: 9090").contains("***").doesNotContain("hunter2");
        CliRun explain = CliRun.of("explain", "server.port", "--etcd", etcd.endpoint(), "--prefix", prefix);
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("etcd " + prefix + " at revision").contains(prefix + "server/port@");

        CliRun history = CliRun.of("history", "--etcd", etcd.endpoint(), "--prefix", prefix);
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("PUT").contains(prefix + "server/port").contains("3 changes under " + prefix)
                .doesNotContain("hunter2");

        // Unchanged files push nothing new; a reviewed revision that moved is refused with exit 1.
        long rev = Long.parseLong(push.out().replaceAll("(?s).*etcd revision (\\d+).*", "$1"));
        etcd.gateway().put(prefix + "server/port", "9191");
        CliRun stale = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix, "--expected-revision", Long.toString(rev));
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(stale.err()).contains("changed after revision " + rev).contains("--expected-revision");
        CliRun again = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix, "--expected-revision", Long.toString(etcd.gateway().revision()));
        assertThat(again.exitCode()).as(again.err()).isZero();
        // Only the key whose value differs is written back; the others keep their mod revision.
        assertThat(again.out()).contains("(1 written, 0 deleted, 2 unchanged)");
        CliRun same = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(same.out()).contains("(0 written, 0 deleted, 3 unchanged)").contains("nothing changed");
        Files.writeString(dir.resolve("prod.yaml"), "server:\n  port: 9090\n  host: only-here\n");
        Files.writeString(dir.resolve("base.yaml"), "server:\n  port: 8080\n");
        CliRun fewer = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(fewer.out()).as(fewer.err()).contains("pushed 2 keys")
                .contains("(1 written, 1 deleted, 1 unchanged)");
        assertThat(CliRun.of("get", "db.password", "--etcd", etcd.endpoint(), "--prefix", prefix).exitCode())
                .isNotZero();
        assertThat(CliRun.of("get", "server.port", "--etcd", etcd.endpoint(), "--prefix", prefix).out().strip())
                .isEqualTo("9090");
    }

    @Test
    void pushValidatesFirstAndAnInvalidConfigurationSendsNothing() throws Exception {
        String prefix = "/lamina/cli-invalid/prod/";
        files();
        long before = etcd.gateway().revision();
        // The directory's schema refuses the port: every instance would refuse (or run) it, so nothing is sent.
        Files.writeString(dir.resolve("schema.yaml"), "type: object\nproperties:\n  server:\n    type: object\n"
                + "    properties:\n      port:\n        type: integer\n        maximum: 9000\n");
        CliRun schema = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(schema.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(schema.err()).contains("server.port").contains("nothing pushed to " + prefix);
        assertThat(schema.out()).doesNotContain("pushed");
        Files.delete(dir.resolve("schema.yaml"));
        // A literal password is a CRITICAL finding of the security pack: refused, and never quoted.
        Files.writeString(dir.resolve("prod.yaml"), "server:\n  port: 9090\ndb:\n  password: hunter2-secret\n");
        CliRun secret = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(secret.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(secret.err()).contains("db.password").contains("nothing pushed").doesNotContain("hunter2");
        assertThat(etcd.gateway().revision()).isEqualTo(before);
        // --schema names a schema elsewhere; a valid configuration then goes through.
        Files.writeString(dir.resolve("prod.yaml"), "server:\n  port: 9090\n");
        Path elsewhere = Files.writeString(dir.resolveSibling(dir.getFileName() + "-schema.json"),
                "{\"type\":\"object\",\"required\":[\"missing\"]}");
        CliRun given = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix, "--schema", elsewhere.toString());
        assertThat(given.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(given.err()).contains("missing");
        CliRun ok = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(etcd.gateway().revision()).isGreaterThan(before);
    }

    @Test
    void pushOfDocumentsSendsEachFileAsWritten() throws Exception {
        String prefix = "/lamina/cli-docs/prod/";
        CliRun push = CliRun.of("push", "--dir", files().toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix, "--etcd-layout", "documents");
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).contains("pushed 2 keys");
        CliRun get = CliRun.of("get", "server.port", "--etcd", etcd.endpoint(), "--prefix", prefix,
                "--etcd-layout", "documents");
        assertThat(get.out().strip()).isEqualTo("9090");
    }

    @Test
    void aListIsRefusedByTheTreeLayoutNamingItAndPushedAsADocument() throws Exception {
        String prefix = "/lamina/cli-lists/prod/";
        // The shape of a Prometheus scrape configuration: lists of objects holding lists, comments, a null.
        Files.writeString(dir.resolve("base.yml"), "# global settings\nglobal:\n  scrape_interval: 15s\n"
                + "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets:\n"
                + "scrape_configs:\n  - job_name: \"self\"\n    static_configs:\n"
                + "      - targets: [\"localhost:9090\"]\n");
        Files.writeString(dir.resolve("prod.yml"), "global:\n  scrape_interval: 30s\n");
        CliRun tree = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix);
        assertThat(tree.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tree.err()).contains("alerting.alertmanagers is a list").contains("--etcd-layout documents");
        assertThat(etcd.gateway().post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(prefix) + "\",\"range_end\":\""
                + EtcdProcess.b64(prefix.substring(0, prefix.length() - 1) + "0") + "\",\"count_only\":true}"))
                .doesNotContain("\"count\"");
        CliRun docs = CliRun.of("push", "--dir", dir.toString(), "--env", "prod", "--etcd", etcd.endpoint(),
                "--prefix", prefix, "--etcd-layout", "documents");
        assertThat(docs.exitCode()).as(docs.err()).isZero();
        CliRun target = CliRun.of("get", "scrape_configs[0].static_configs[0].targets[0]", "--etcd", etcd.endpoint(),
                "--prefix", prefix, "--etcd-layout", "documents");
        assertThat(target.out().strip()).as(target.err()).isEqualTo("localhost:9090");
        CliRun interval = CliRun.of("explain", "global.scrape_interval", "--etcd", etcd.endpoint(), "--prefix", prefix,
                "--etcd-layout", "documents");
        assertThat(interval.out()).contains("30s").contains(prefix + "01-prod.yml@").contains(prefix + "00-base.yml@");
    }

    @Test
    void usageErrorsAreExitTwo() throws Exception {
        assertThat(CliRun.of("render", "--dir", files().toString(), "--env", "prod", "--prefix", "/p/").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliRun noPrefix = CliRun.of("render", "--etcd", etcd.endpoint());
        assertThat(noPrefix.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPrefix.err()).contains("--prefix");
        assertThat(CliRun.of("push", "--dir", dir.toString(), "--env", "prod").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun badUrl = CliRun.of("render", "--etcd", "localhost", "--prefix", "/p/");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("history", "--etcd", etcd.endpoint(), "--prefix", "/p/", "--limit", "0").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliRun user = CliRun.of("render", "--etcd", etcd.endpoint(), "--prefix", "/p/", "--etcd-user", "svc");
        assertThat(user.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(user.err()).contains("LAMINA_ETCD_PASSWORD");
    }

    @Test
    void pushNeverSendsThePushingMachinesEnvironmentVariables() throws Exception {
        String prefix = "/lamina/cli-push-env/prod/";
        Map<String, String> operator = Map.of("APP_SERVER_PORT", "1234", "APP_DB_PASSWORD", "operator-pw-7Qz");
        CliRun refused = CliRun.withEnvironment(operator, "push", "--dir", files().toString(), "--env", "prod",
                "--etcd", etcd.endpoint(), "--prefix", prefix, "--env-prefix", "APP");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--env-prefix").contains("every instance").doesNotContain("operator-pw");
        assertThat(etcd.gateway().post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(prefix)
                + "\",\"range_end\":\"" + EtcdProcess.b64(prefix.substring(0, prefix.length() - 1) + "0")
                + "\",\"count_only\":true}")).as("nothing written").doesNotContain("\"count\"");
        // Without the option the same environment changes nothing that is pushed: the files as written.
        CliRun push = CliRun.withEnvironment(operator, "push", "--dir", dir.toString(), "--env", "prod", "--etcd",
                etcd.endpoint(), "--prefix", prefix);
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(etcd.gateway().post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(prefix + "server/port")
                + "\"}")).contains(EtcdProcess.b64("9090")).doesNotContain(EtcdProcess.b64("1234"));
        assertThat(etcd.gateway().post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(prefix + "db/password")
                + "\"}")).contains(EtcdProcess.b64("${DB_PASSWORD:-}"));
    }

    @Test
    void anUnreachableEtcdIsExitOneWithTheEndpointNamed() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("render", "--etcd", "http://127.0.0.1:" + port, "--prefix", "/p/");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(r.err()).contains("etcd unreachable").contains("127.0.0.1:" + port).doesNotContain("\tat ");
    }

    @Test
    void watchPrintsAChangeMadeInEtcd() throws Exception {
        String prefix = "/lamina/cli-watch/prod/";
        etcd.gateway().put(prefix + "limit", "1");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = thread.submit(() -> ConfigCtl.commandLine(new PrintWriter(out, true),
                    new PrintWriter(err, true), Map.of()).execute("watch", "--etcd", etcd.endpoint(), "--prefix",
                    prefix, "--max-events", "1", "--timeout", "20s"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!out.toString().contains("\"loaded\"") && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            etcd.gateway().put(prefix + "limit", "2");
            assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("\"path\":\"limit\"").contains("\"new\":\"2\"");
        } finally {
            thread.shutdownNow();
        }
    }
}
