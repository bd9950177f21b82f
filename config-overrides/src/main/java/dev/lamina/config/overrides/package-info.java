/**
 * Metadata-driven override files (docker, local, testing) with conditions and priorities.
 */
package dev.lamina.config.overrides;
