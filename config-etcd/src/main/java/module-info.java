/**
 * Lamina on etcd v3: a configuration source over etcd's JSON gateway ({@code java.net.http}, no client library),
 * a watch that reloads the manager, compare-and-swap updates, and a last-known-good file to start from when the
 * cluster is down.
 */
module dev.lamina.config.etcd {
    requires transitive dev.lamina.config;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires micrometer.core; // EtcdOptions takes a MeterRegistry (public API)
    requires org.slf4j;

    exports dev.lamina.config.etcd;
}
