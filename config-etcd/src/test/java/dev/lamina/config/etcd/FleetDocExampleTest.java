package dev.lamina.config.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Snapshot;

/** The example of docs/fleet.md runs against a real etcd, and the page shows exactly this code. */
class FleetDocExampleTest {

    @TempDir
    Path tmp;

    @Test
    void theFleetExampleRunsAndIsTheOneOnThePage() throws Exception {
        try (EtcdProcess server = EtcdProcess.start(tmp.resolve("etcd"))) {
            server.gateway().put("/lamina/checkout/production/server/port", "8443");
            String endpoints = server.endpoint();
            Path configDir = Files.createDirectories(tmp.resolve("config"));
            Files.writeString(configDir.resolve("base.yaml"), "server:\n  port: 8080\n  max_connections: 100\n");
            Files.writeString(configDir.resolve("production.yaml"), "");
            Path stateDir = tmp.resolve("state");
            int port;
            long revision;
            Snapshot s;
            EtcdHealth health;
            // fleet:example
            EtcdSource etcd = EtcdSource.create(EtcdOptions.builder()
                    .endpoints(endpoints)                                // "http://10.0.0.5:2379,http://10.0.0.6:2379"
                    .prefix("/lamina/checkout/production/")              // <prefix>server/port -> server.port
                    .lastKnownGood(stateDir.resolve("etcd-lkg.json"))    // started from when etcd is down
                    .build());
            try (etcd; ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                    .directory(configDir)                                // base.yaml, production.yaml: the defaults
                    .addSource(etcd)                                     // above the files, below env variables
                    .build())) {
                manager.loadEnvironmentConfig("production");             // the watch starts after the first load
                port = manager.configuration().getInt("server.port");   // 8443, from etcd
                revision = etcd.revisionIn(manager.current()).orElseThrow(); // the fleet-wide identity
                s = manager.updateConfig("server.max_connections", 500,  // compare-and-swap in etcd
                        manager.current().version());
                health = etcd.health();                                  // CONNECTED or STALE, for a health check
            }
            // fleet:end
            assertThat(port).isEqualTo(8443);
            assertThat(revision).isPositive();
            assertThat(s.configuration().getInt("server.max_connections")).isEqualTo(500);
            assertThat(etcd.revisionIn(s).orElseThrow()).isGreaterThan(revision);
            assertThat(health.isConnected()).isTrue();
            assertThat(server.gateway().post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(
                    "/lamina/checkout/production/server/max_connections") + "\"}")).contains(EtcdProcess.b64("500"));
        }
        assertThat(normalize(docBlock())).isEqualTo(normalize(sourceBlock()));
    }

    private static String docBlock() throws Exception {
        String doc = Files.readString(repoRoot().resolve("docs/fleet.md"));
        int start = doc.indexOf("<!-- fleet:example -->");
        assertThat(start).as("docs/fleet.md has a <!-- fleet:example --> block").isNotNegative();
        int open = doc.indexOf("```java\n", start) + "```java\n".length();
        return doc.substring(open, doc.indexOf("```", open));
    }

    private static String sourceBlock() throws Exception {
        String src = Files.readString(Path.of("src/test/java/dev/lamina/config/etcd/FleetDocExampleTest.java"));
        int start = src.indexOf('\n', src.indexOf("// fleet:" + "example")) + 1;
        return src.substring(start, src.indexOf("// fleet:" + "end"));
    }

    private static String normalize(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.strip().split("\n")) {
            sb.append(line.strip().replaceAll("\\s+", " ")).append('\n');
        }
        return sb.toString();
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("config-core"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

}
