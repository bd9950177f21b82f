package dev.lamina.config.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.kubernetes.internal.KustomizeHash;
import dev.lamina.config.kubernetes.internal.Names;
import dev.lamina.config.testing.SharedSuites;

/**
 * kustomize's hash-suffix vectors and apimachinery's name and key vectors ({@code shared/export-suites/kubernetes},
 * Apache-2.0, see the NOTES.md there), every one.
 */
class KubernetesVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> kustomizeHashVectors() throws IOException {
        JsonNode v = read("hash-vectors.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : v.get("configmap")) {
            tests.add(dynamicTest("configmap " + c.get("name").asText(), () -> {
                JsonNode in = c.get("input");
                Map<String, Object> data = map(in.get("data"));
                Map<String, Object> binary = map(in.get("binaryData"));
                String name = in.path("metadata").path("name").asText("");
                assertThat(KustomizeHash.goJson(encodedConfigMap(name, data, binary))).isEqualTo(c.get("encoded").asText());
                assertThat(KustomizeHash.configMap(name, data, binary)).isEqualTo(c.get("hash").asText());
            }));
        }
        for (JsonNode c : v.get("secret")) {
            tests.add(dynamicTest("secret " + c.get("name").asText(), () -> {
                JsonNode in = c.get("input");
                String name = in.path("metadata").path("name").asText("");
                assertThat(KustomizeHash.secret(name, in.path("type").asText(null), map(in.get("data")),
                        map(in.get("stringData")))).isEqualTo(c.get("hash").asText());
            }));
        }
        for (JsonNode c : v.get("other_kind")) {
            // Other kinds hash go-yaml's node tree; Lamina writes only ConfigMaps and Secrets, so only the
            // digest-and-suffix step applies, on the vector's encoded text.
            tests.add(dynamicTest("other kind " + c.get("name").asText(), () -> assertThat(
                    KustomizeHash.suffix(c.get("encoded").asText())).isEqualTo(c.get("hash").asText())));
        }
        for (JsonNode c : v.get("primitives")) {
            tests.add(dynamicTest("primitive " + c.get("name").asText(), () -> assertThat(
                    KustomizeHash.hex256(c.get("input").asText())).isEqualTo(c.get("sha256_hex").asText())));
        }
        assertThat(tests).hasSize(15);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> apimachineryNameVectors() throws IOException {
        JsonNode v = read("name-vectors.json");
        Map<String, Predicate<String>> rules = Map.of("dns1123_subdomain", Names::isDns1123Subdomain,
                "configmap_key", Names::isConfigMapKey, "dns1123_label", Names::isDns1123Label);
        List<DynamicTest> tests = new ArrayList<>();
        rules.forEach((rule, check) -> {
            for (String kind : List.of("valid", "invalid")) {
                for (JsonNode s : v.get(rule).get(kind)) {
                    String value = s.asText();
                    tests.add(dynamicTest(rule + " " + kind + " '" + (value.length() > 20 ? value.substring(0, 20)
                            + "…(" + value.length() + ")" : value) + "'",
                            () -> assertThat(check.test(value)).isEqualTo(kind.equals("valid"))));
                }
            }
        });
        assertThat(tests).hasSize(161);
        return tests.stream();
    }

    private static Map<String, Object> encodedConfigMap(String name, Map<String, Object> data,
                                                        Map<String, Object> binary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "ConfigMap");
        m.put("name", name);
        m.put("data", data == null ? "" : data);
        if (binary != null) {
            m.put("binaryData", binary);
        }
        return m;
    }

    /** The YAML integers of the vectors stay JSON numbers, as kustomize's JSON round trip keeps them. */
    private static Map<String, Object> map(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNumber()
                ? new BigDecimal(e.getValue().asText()) : e.getValue().asText()));
        return out;
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(SharedSuites.require("export-suites/kubernetes/" + file)));
    }
}
