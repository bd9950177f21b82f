package dev.lamina.config.internal.parse;

/** The tokens {@link TokenTreeBuilder} reads, whatever the format. */
enum Token {
    START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, KEY, STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL,
    /** A token no configuration format should produce (Jackson's embedded objects). */
    OTHER
}
