package dev.lamina.config.internal.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Layer;
import dev.lamina.config.MergeOptions;
import dev.lamina.config.internal.tree.TestTrees;
import dev.lamina.config.testing.SharedSuites;

/**
 * Runs every case of {@code shared/config-suites/json-merge-patch} through the merge of two layers: the document
 * as the lower layer and the patch as the higher one, comparing the unwrapped result (origins ignored).
 *
 * <p>How the RFC cases map onto Lamina, where every layer is an object:
 * <ul>
 *   <li>When the document and the patch are both objects, they are the two layers as they are.</li>
 *   <li>When either is not an object (a list, a scalar or null: RFC A.9-A.12, A.14 and the java-json-tools
 *       "nonobject" file), both are wrapped under the key {@code v}: {@code {"v": doc}} and {@code {"v": patch}},
 *       and the expected result is {@code {"v": expected}}, where an expected {@code null} means that {@code v}
 *       is absent (a null patch deletes the key). The non-object file has no {@code result}: it is the patch.</li>
 *   <li>Lamina's lowest layer has nothing below it, so a null in it deletes nothing and the key is simply absent
 *       (the merged tree holds nulls only inside lists). RFC A.13 expects the document's {@code "e": null} to
 *       survive; for Lamina the expected result is the RFC's with object-member nulls removed. Nulls inside
 *       lists are values and are kept, as in the RFC.</li>
 * </ul>
 */
class JsonMergePatchSuiteTest {

    /** Decimals stay exact, so that 1000010002020389.8787987983 compares digit for digit. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TreeMerger MERGER = new TreeMerger(MergeOptions.defaults());

    @TestFactory
    Stream<DynamicTest> rfc7396Examples() throws IOException {
        JsonNode suite = read("rfc7396-examples.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : suite.get("tests")) {
            tests.add(DynamicTest.dynamicTest(c.get("comment").asText(),
                    () -> check(c.get("doc"), c.get("patch"), c.get("expected"))));
        }
        assertThat(tests).hasSize(17);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> javaJsonToolsObjectPatches() throws IOException {
        JsonNode suite = read("java-json-tools-patch-object.json");
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : suite) {
            tests.add(DynamicTest.dynamicTest("object patch #" + i++,
                    () -> check(c.get("victim"), c.get("patch"), c.get("result"))));
        }
        assertThat(tests).hasSize(10);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> javaJsonToolsNonObjectPatches() throws IOException {
        JsonNode suite = read("java-json-tools-patch-nonobject.json");
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : suite) {
            // This file has no "result": a patch that is not an object replaces the document whole.
            tests.add(DynamicTest.dynamicTest("non-object patch #" + i++,
                    () -> check(c.get("victim"), c.get("patch"), c.get("patch"))));
        }
        assertThat(tests).hasSize(3);
        return tests.stream();
    }

    private static JsonNode read(String name) throws IOException {
        Path file = SharedSuites.require("config-suites/json-merge-patch/" + name);
        return MAPPER.readTree(Files.readString(file));
    }

    private static void check(JsonNode doc, JsonNode patch, JsonNode expected) throws IOException {
        boolean wrap = !doc.isObject() || !patch.isObject();
        JsonNode lower = wrap ? wrap(doc) : doc;
        JsonNode upper = wrap ? wrap(patch) : patch;
        JsonNode want = wrap ? (expected.isNull() ? JsonNodeFactory.instance.objectNode() : wrap(expected)) : expected;

        ConfigObject merged = MERGER.merge(List.of(
                new Layer("doc", (ConfigObject) TestTrees.fromJsonNode("doc", lower)),
                new Layer("patch", (ConfigObject) TestTrees.fromJsonNode("patch", upper))));

        // Both sides go through JSON text, so Long/Integer and number spellings compare by value.
        JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(TestTrees.unwrap(merged)));
        JsonNode wanted = MAPPER.readTree(MAPPER.writeValueAsString(withoutObjectNulls(want)));
        assertThat(actual).isEqualTo(wanted);
    }

    private static ObjectNode wrap(JsonNode n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("v", n);
        return o;
    }

    /** Lamina's merged tree never holds a null as an object member (see the class comment). */
    private static JsonNode withoutObjectNulls(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), withoutObjectNulls(e.getValue()));
                }
            }
            return out;
        }
        return n;
    }
}
