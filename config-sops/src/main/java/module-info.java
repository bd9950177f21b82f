/**
 * Lamina for SOPS: YAML and JSON files encrypted by SOPS 3.x, recognised by their {@code sops:} metadata, decrypted
 * with a data key unwrapped from an age (X25519) recipient stanza, MAC verified, metadata removed. Optional: only
 * this module depends on the age library.
 */
module dev.lamina.config.sops {
    requires transitive dev.lamina.config;
    requires com.exceptionfactory.jagged;
    requires com.exceptionfactory.jagged.x25519;
    requires com.exceptionfactory.jagged.framework;

    exports dev.lamina.config.sops;
}
