package dev.lamina.config.internal.bind;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigBindException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.Configuration;
import dev.lamina.config.DataSize;

class BinderTest {

    enum Tier { FREE, PREMIUM_PLUS }

    record Tls(boolean enabled, Optional<String> keyStore) {
    }

    record Broker(String host, int port) {
    }

    record Server(String host, int port, Duration timeout, DataSize maxBody, Tier tier, Tls tls,
                  List<Broker> brokers, List<String> tags, Map<String, Integer> limits) {
    }

    record Credentials(String user, String password) {
    }

    /** A POJO with a setter and a field default. */
    public static final class Pool {
        private int size = 4;
        private String name;

        public int getSize() {
            return size;
        }

        public void setSize(int size) {
            this.size = size;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private static Configuration config(String json) {
        return new ConfigLoader().fromLayers(List.of(layer("app.json", json)));
    }

    private static final Configuration GOOD = config("""
            {'server': {
              'host': 'example.org', 'port': '8080', 'timeout': 30, 'maxBody': 2048, 'tier': 'premium-plus',
              'tls': {'enabled': true},
              'brokers': [{'host': 'a', 'port': 9092}, {'host': 'b', 'port': 9093}],
              'tags': ['x', 'y'], 'limits': {'read': 10}
            }}
            """);

    @Test
    void bindsARecordWithNestedRecordListDurationSizeEnumAndMap() {
        Server s = GOOD.bind("server", Server.class);
        assertThat(s.host()).isEqualTo("example.org");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxBody()).isEqualTo(DataSize.ofBytes(2048));
        assertThat(s.tier()).isEqualTo(Tier.PREMIUM_PLUS);
        assertThat(s.tls()).isEqualTo(new Tls(true, Optional.empty()));
        assertThat(s.brokers()).containsExactly(new Broker("a", 9092), new Broker("b", 9093));
        assertThat(s.tags()).containsExactly("x", "y");
        assertThat(s.limits()).containsEntry("read", 10);
    }

    @Test
    void bindsAPojoKeepingFieldDefaultsForAbsentKeys() {
        Pool p = config("{'pool': {'name': 'main'}}").bind("pool", Pool.class);
        assertThat(p.getName()).isEqualTo("main");
        assertThat(p.getSize()).isEqualTo(4);
    }

    @Test
    void bindsTheWholeTreeWithTheEmptyPath() {
        record Root(Broker broker) {
        }
        assertThat(config("{'broker': {'host': 'h', 'port': 1}}").bind("", Root.class).broker())
                .isEqualTo(new Broker("h", 1));
    }

    @Test
    void getListBindsRecordElements() {
        assertThat(GOOD.getList("server.brokers", Broker.class)).containsExactly(new Broker("a", 9092), new Broker("b", 9093));
    }

    @Test
    void unknownKeySuggestsTheNearestPropertyWithPathAndOrigin() {
        Configuration c = config("{'broker': {'host': 'h', 'prot': 1}}");
        assertThatThrownBy(() -> c.bind("broker", Broker.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("app.json:1:34 broker.prot: unknown key 'prot' for Broker (did you mean 'port'?)")
                .hasMessageContaining("one of: host, port");
    }

    @Test
    void unknownKeyDeepInsideAListNamesTheFullPath() {
        Configuration c = config("{'s': {'brokers': [{'host': 'a', 'port': 1}, {'hots': 'b', 'port': 2}]}}");
        record S(List<Broker> brokers) {
        }
        assertThatThrownBy(() -> c.bind("s", S.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("s.brokers[1].hots: unknown key 'hots' for Broker (did you mean 'host'?)");
    }

    @Test
    void missingPrimitiveIsAnErrorNotZero() {
        Configuration c = config("{'broker': {'host': 'h'}}");
        assertThatThrownBy(() -> c.bind("broker", Broker.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("app.json:1:12 broker.port: missing required value for an integer (int)");
    }

    @Test
    void nullForAPrimitiveIsAnError() {
        Configuration c = config("{'brokers': [{'host': 'h', 'port': null}]}");
        assertThatThrownBy(() -> c.getList("brokers", Broker.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("brokers[0].port: expected an integer, found null");
    }

    @Test
    void fractionalNumberForAnIntIsAnErrorWithOrigin() {
        Configuration c = config("{'broker': {'host': 'h', 'port': 8080.9}}");
        assertThatThrownBy(() -> c.bind("broker", Broker.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("app.json:1:34 broker.port: expected an integer, found the number 8080.9");
    }

    @Test
    void wrongKindForANestedRecordIsAnError() {
        Configuration c = config("{'server': {'tls': 'yes'}}");
        record S(Tls tls) {
        }
        assertThatThrownBy(() -> c.bind("server", S.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("server.tls: expected an object (Tls record), found the string \"yes\"");
    }

    @Test
    void objectWhereAStringIsExpectedIsAnError() {
        Configuration c = config("{'broker': {'host': {'a': 1}, 'port': 1}}");
        assertThatThrownBy(() -> c.bind("broker", Broker.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("broker.host: expected a string, found an object");
    }

    @Test
    void badDurationNamesPath() {
        Configuration c = config("{'server': {'timeout': 'soon'}}");
        record S(Duration timeout) {
        }
        assertThatThrownBy(() -> c.bind("server", S.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("server.timeout: expected a duration");
    }

    @Test
    void badEnumListsTheConstants() {
        Configuration c = config("{'server': {'tier': 'gold'}}");
        record S(Tier tier) {
        }
        assertThatThrownBy(() -> c.bind("server", S.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("server.tier: expected one of FREE, PREMIUM_PLUS");
    }

    @Test
    void bindErrorNeverQuotesASecret() {
        Configuration c = config("{'db': {'user': 'u', 'password': {'nested': 'hunter2'}}}");
        assertThatThrownBy(() -> c.bind("db", Credentials.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("db.password: expected a string, found an object")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void bindTypeErrorOnASecretScalarHidesIt() {
        Configuration c = config("{'db': {'password': 'hunter2'}}");
        record Db(int password) {
        }
        assertThatThrownBy(() -> c.bind("db", Db.class))
                .hasMessageContaining("db.password: expected an integer, found a string (value hidden: secret)")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void constructorRejectionDoesNotLeakSecretsFromTheMessage() {
        Configuration c = config("{'db': {'user': 'u', 'password': 'hunter2'}}");
        assertThatThrownBy(() -> c.bind("db", Checked.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("db: the constructor of Checked rejected the values (IllegalArgumentException)")
                .hasMessageNotContaining("hunter2");
    }

    record Checked(String user, String password) {
        Checked {
            if (password.length() < 10) {
                throw new IllegalArgumentException("password too short: " + password);
            }
        }
    }

    @Test
    void bindOnAnAbsentPathIsMissing() {
        assertThatThrownBy(() -> GOOD.bind("nope", Broker.class)).isInstanceOf(ConfigMissingException.class);
    }

    @Test
    void untypedTargetsGetNumbersBooleansAndStrings() {
        record Meta(Map<String, Object> meta) {
        }
        Meta m = config("{'x': {'meta': {'i': 1, 'big': 3000000000, 'd': 1.25, 'b': true, 's': '8080'}}}")
                .bind("x", Meta.class);
        assertThat(m.meta()).containsEntry("i", 1).containsEntry("big", 3_000_000_000L)
                .containsEntry("d", new java.math.BigDecimal("1.25")).containsEntry("b", true).containsEntry("s", "8080");
    }

    @Test
    void numbersBoundToStringsKeepTheirWrittenText() {
        record V(String version, String ratio) {
        }
        V v = config("{'v': {'version': 1.10, 'ratio': 1e3}}").bind("v", V.class);
        assertThat(v.version()).isEqualTo("1.10");
        assertThat(v.ratio()).isEqualTo("1e3");
    }

    @Test
    void jsonPropertyRenamesAKeyThatIsNotAJavaIdentifier() {
        record Http(@com.fasterxml.jackson.annotation.JsonProperty("max-body") DataSize maxBody) {
        }
        assertThat(config("{'http': {'max-body': 10}}").bind("http", Http.class).maxBody()).isEqualTo(DataSize.ofBytes(10));
    }

    @Test
    void unknownKeyOnAPojoSuggestsTheNearestProperty() {
        Configuration c = config("{'pool': {'nmae': 'main'}}");
        assertThatThrownBy(() -> c.bind("pool", Pool.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("pool.nmae: unknown key 'nmae' for Pool (did you mean 'name'?)");
    }
}
