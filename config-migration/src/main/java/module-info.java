/**
 * Lamina migration: legacy {@code .properties}, INI and {@code .env} files and Spring Boot
 * {@code application.yml}/{@code .properties} turned into a Lamina configuration directory, with the origin of every
 * key written beside it.
 */
module dev.lamina.config.migration {
    requires transitive dev.lamina.config;

    exports dev.lamina.config.migration;
}
