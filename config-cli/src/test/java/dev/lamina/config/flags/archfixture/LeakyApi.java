package dev.lamina.config.flags.archfixture;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lamina.config.internal.tree.Trees;

/** ArchitectureTest fixture: a public "flags" type that reads core internals and leaks them and Jackson. */
public class LeakyApi {

    /** A leaked internal type in a field. */
    public Trees trees;

    /**
     * @param nodes leaked Jackson types inside a type argument
     * @return a leaked Jackson type
     */
    public JsonNode first(List<JsonNode> nodes) {
        return nodes.get(0);
    }

    /** Not visible: private members may use anything. */
    @SuppressWarnings("unused")
    private JsonNode hidden() {
        return null;
    }
}
