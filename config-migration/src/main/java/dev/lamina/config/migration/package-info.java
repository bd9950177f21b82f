/** Migration of legacy configuration files to Lamina ({@link dev.lamina.config.migration.LegacyConfigMigrator}). */
package dev.lamina.config.migration;
