package dev.lamina.config.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class EtcdOptionsTest {

    @Test
    void endpointsMayBeACommaSeparatedListAndThePrefixGetsItsSlash() {
        EtcdOptions o = EtcdOptions.builder().endpoints("http://10.0.0.5:2379, http://10.0.0.6:2379/")
                .prefix("/lamina/app/prod").build();
        assertThat(o.endpoints()).extracting(Object::toString)
                .containsExactly("http://10.0.0.5:2379", "http://10.0.0.6:2379");
        assertThat(o.prefix()).isEqualTo("/lamina/app/prod/");
        assertThat(o.layout()).isEqualTo(EtcdLayout.TREE);
    }

    @Test
    void refusesEndpointsThatAreNotHttpUrlsWithAPortAndNeverEchoesCredentials() {
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("10.0.0.5:2379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://127.0.0.1:2379");
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("http://10.0.0.5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("http://admin:hunter2@10.0.0.5:2379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("auth(");
    }

    @Test
    void buildChecksWhatIsMissingOrInconsistent() {
        assertThatThrownBy(() -> EtcdOptions.builder().prefix("/p/").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("http://127.0.0.1:2379").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("http://127.0.0.1:2379", "https://127.0.0.1:2380")
                .prefix("/p/").build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("mixing");
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("http://127.0.0.1:2379").prefix("/p/")
                .tls(EtcdTls.trusting(Path.of("ca.p12"), null)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> EtcdOptions.builder().backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EtcdOptions.builder().endpoints("http://127.0.0.1:2379").prefix("/p/")
                .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("below");
    }

    @Test
    void toStringNeverShowsThePassword() {
        EtcdOptions o = EtcdOptions.builder().endpoints("http://127.0.0.1:2379").prefix("/p/")
                .auth("svc", "s3cret-pw".toCharArray()).build();
        assertThat(o.toString()).contains("svc").doesNotContain("s3cret-pw");
        assertThat(EtcdSource.create(o).toString()).doesNotContain("s3cret-pw");
    }
}
