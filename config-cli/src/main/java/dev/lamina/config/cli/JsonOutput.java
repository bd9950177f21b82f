package dev.lamina.config.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints the JSON documents of the {@code flags} commands in the shape {@code render --format json} uses: two-space
 * indent, {@code "key": value}, one document per command, ending with a line break.
 */
final class JsonOutput {

    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private JsonOutput() {
    }

    /** @return a new, empty object node whose fields keep the order they are put in */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * @param out  where to print
     * @param node the document
     */
    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(WRITER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            // A tree built in memory always serialises; reaching this is a bug, reported as an internal error.
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }
}
