package dev.lamina.config.etcd;

import java.util.Objects;

/**
 * One change of a key under a prefix, from etcd's history (values are left out: they may be secret).
 *
 * @param revision the etcd revision of the change
 * @param type     put or delete
 * @param key      the key
 * @param version  the key's version after the change (how many puts since it was created); {@code 0} for a delete
 */
public record EtcdChange(long revision, Type type, String key, long version) {

    /** Checks that no component is {@code null}. */
    public EtcdChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
    }

    /** What happened to the key. */
    public enum Type {
        /** Created or modified. */
        PUT,
        /** Deleted. */
        DELETE
    }
}
