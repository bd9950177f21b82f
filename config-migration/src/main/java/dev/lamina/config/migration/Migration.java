package dev.lamina.config.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Layer;

import dev.lamina.config.ConfigObject;

/**
 * The result of a migration: the files of a Lamina configuration directory ({@code base.yaml}, one
 * {@code <environment>.yaml} per Spring profile) as trees and as YAML text with each key's legacy origin in a
 * comment, plus the notes a person should read (what could not be expressed, what was dropped). Immutable.
 *
 * @param trees the tree of each file, by file name, in order
 * @param texts the YAML of each file, by file name, in the same order
 * @param notes sentences about what the migration could not carry over, in the order found; empty when nothing
 */
public record Migration(Map<String, ConfigObject> trees, Map<String, String> texts, List<String> notes) {

    /** Copies the maps and the list, keeping order. */
    public Migration {
        trees = Collections.unmodifiableMap(new LinkedHashMap<>(trees));
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        notes = List.copyOf(notes);
    }

    /**
     * @param fileName a file name such as {@code base.yaml}
     * @return its YAML text, when the migration produced that file
     */
    public Optional<String> text(String fileName) {
        return Optional.ofNullable(texts.get(fileName));
    }

    /**
     * The migrated configuration as a service would load it from the written directory: {@code base.yaml}, then
     * {@code <environment>.yaml} when the migration produced one (a Spring profile), merged and resolved with the
     * default options (placeholders such as {@code ${DB_HOST:-localhost}} read this process's environment). Hand it
     * to {@code ConfigurationManager.applyMigratedConfig} to publish it without writing files first.
     *
     * @param environment an environment name; {@code "base"} (or any name without a file) gives base.yaml alone
     * @return the configuration
     * @throws dev.lamina.config.ConfigException when the merged tree does not resolve (a placeholder without value)
     */
    public Configuration configuration(String environment) {
        java.util.Objects.requireNonNull(environment, "environment");
        List<Layer> layers = new java.util.ArrayList<>();
        ConfigObject base = trees.get("base.yaml");
        if (base != null) {
            layers.add(new Layer("migrated base.yaml", base));
        }
        ConfigObject env = environment.equals("base") ? null : trees.get(environment + ".yaml");
        if (env != null) {
            layers.add(new Layer("migrated " + environment + ".yaml", env));
        }
        return new ConfigLoader(ConfigurationOptions.defaults()).fromLayers(layers);
    }

    /**
     * Writes the files into a directory (created if missing). Existing files are never overwritten: a migration is
     * a starting point that a person edits.
     *
     * @param dir the output directory
     * @return the files written, in order
     * @throws UncheckedIOException if a file exists already ({@link FileAlreadyExistsException} as the cause) or
     *                              cannot be written
     */
    public List<Path> writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : texts.keySet()) {
                if (Files.exists(dir.resolve(name))) {
                    throw new FileAlreadyExistsException(dir.resolve(name).toString(), null,
                            "exists already; remove it or choose another output directory");
                }
            }
            List<Path> written = new java.util.ArrayList<>();
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                written.add(p);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Names the files and counts the notes, without any value: a migrated file often holds a password, and a
     * logged result must not print it (the texts are available through {@link #text} and {@link #texts}).
     *
     * @return {@code Migration[files=[base.yaml (12 lines), prod.yaml (3 lines)], notes=1]}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Migration[files=[");
        String sep = "";
        for (Map.Entry<String, String> e : texts.entrySet()) {
            sb.append(sep).append(e.getKey()).append(" (").append(e.getValue().lines().count()).append(" lines)");
            sep = ", ";
        }
        return sb.append("], notes=").append(notes.size()).append(']').toString();
    }
}
