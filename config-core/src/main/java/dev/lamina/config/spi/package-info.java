/**
 * Helpers for extension authors: what Lamina's own modules (validation, flags, the CLI) use of core beyond the
 * user API, published so that third-party extensions can do the same and get the same behaviour.
 *
 * <ul>
 *   <li>{@link dev.lamina.config.spi.Suggestions}: "did you mean" by edit distance, as every Lamina message
 *       suggests.</li>
 *   <li>{@link dev.lamina.config.spi.ConfigTrees} and {@link dev.lamina.config.spi.TreeFolder}: finding nodes by
 *       path, the origin nearest to a missing path, the leaves of a tree, and folding a tree into another model
 *       (for example a JSON library's tree) without writing the recursion again.</li>
 *   <li>{@link dev.lamina.config.spi.ScalarText}, {@link dev.lamina.config.spi.DurationParser} and
 *       {@link dev.lamina.config.spi.DataSizeParser}: the number, boolean, duration and data-size grammars that
 *       {@code Configuration}'s getters apply, so that a rule or a tool reads a value exactly as the getters do.</li>
 *   <li>{@link dev.lamina.config.spi.AtomicFiles}: crash-safe replacement of a file and durable appends.</li>
 *   <li>{@link dev.lamina.config.spi.ComplianceFrameworks}: keeps {@code compliance.frameworks} a union where a
 *       profile, region or tenant layer declares frameworks over others.</li>
 * </ul>
 *
 * <p>Every type here is stateless and thread-safe. Compatibility: these types follow the same versioning as the
 * rest of the public API; nothing here exposes an implementation ({@code internal}) or a Jackson type.
 */
package dev.lamina.config.spi;
