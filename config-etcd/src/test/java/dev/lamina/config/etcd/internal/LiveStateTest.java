package dev.lamina.config.etcd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;

/** The watch's copy of the prefix: when it may serve reads, and that it never has a gap. */
class LiveStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static KeyValueData kv(String key, String value, long mod) {
        return new KeyValueData(key, value.getBytes(StandardCharsets.UTF_8), mod, mod, 1);
    }

    static JsonNode events(String... specs) throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (String spec : specs) {
            String[] p = spec.split(" ");
            String key = Base64.getEncoder().encodeToString(p[1].getBytes(StandardCharsets.UTF_8));
            if (sb.length() > 1) {
                sb.append(',');
            }
            if (p[0].equals("DELETE")) {
                sb.append("{\"type\":\"DELETE\",\"kv\":{\"key\":\"").append(key).append("\",\"mod_revision\":\"")
                        .append(p[2]).append("\"}}");
            } else {
                sb.append("{\"kv\":{\"key\":\"").append(key).append("\",\"value\":\"").append(Base64.getEncoder()
                        .encodeToString(p[3].getBytes(StandardCharsets.UTF_8))).append("\",\"mod_revision\":\"")
                        .append(p[2]).append("\"}}");
            }
        }
        return JSON.readTree(sb.append(']').toString());
    }

    @Test
    void servesOnlyWhileTheWatchIsLiveSeededAndPastThisInstancesWrites() throws Exception {
        LiveState s = new LiveState();
        s.seed(10, List.of(kv("/p/a", "1", 5)));
        assertThat(s.current()).as("watch not established").isEmpty();
        s.watching(true);
        assertThat(s.current().orElseThrow().revision()).isEqualTo(10);
        s.apply(events("PUT /p/a 11 2", "PUT /p/b 11 x"), 11);
        s.apply(events("DELETE /p/b 12"), 12);
        EtcdHttp.RangeResult r = s.current().orElseThrow();
        assertThat(r.revision()).isEqualTo(12);
        assertThat(r.kvs()).extracting(KeyValueData::key).containsExactly("/p/a");
        assertThat(r.kvs().get(0).text()).contains("2");
        s.require(13);
        assertThat(s.current()).as("this instance wrote revision 13, not seen yet").isEmpty();
        s.apply(events("PUT /p/a 13 3"), 13);
        assertThat(s.current()).isPresent();
        s.watching(false);
        assertThat(s.current()).as("watch lost").isEmpty();
    }

    @Test
    void eventsAlreadyInTheSeedAreSkippedAndASeedOlderThanTheWatchIsRefused() throws Exception {
        LiveState s = new LiveState();
        s.watching(true);
        s.apply(events("PUT /p/a 20 x"), 20);
        s.seed(15, List.of(kv("/p/a", "old", 15)));
        assertThat(s.current()).as("a seed older than an event the watch delivered could miss it").isEmpty();
        s.seed(21, List.of(kv("/p/a", "x", 20), kv("/p/c", "y", 21)));
        s.apply(events("PUT /p/c 21 y"), 21);
        assertThat(s.current().orElseThrow().kvs()).hasSize(2);
        s.invalidate();
        assertThat(s.current()).as("compacted: gap until re-seeded").isEmpty();
        s.reset();
        s.seed(3, List.of(kv("/p/z", "1", 3)));
        assertThat(s.current().orElseThrow().revision()).as("after a wipe, lower revisions are accepted").isEqualTo(3);
    }
}
