/**
 * The {@code configctl} command-line tool.
 */
package dev.lamina.config.cli;
