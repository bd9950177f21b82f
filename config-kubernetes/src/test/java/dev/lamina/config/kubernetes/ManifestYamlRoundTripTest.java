package dev.lamina.config.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/** Manifest YAML gives back every data value exactly, literal blocks and quoting alike, on random values. */
class ManifestYamlRoundTripTest {

    private static final String ALPHABET = "ab #:-'\"\\\n\n\t  {}[]|>&*!%@`é中\u0001\u0085\u2028\uFEFF\r";

    @Test
    void randomValuesReadBackIdentically() {
        Random random = new Random(7L);
        for (int round = 0; round < 300; round++) {
            Map<String, String> data = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(20);
                for (int j = 0; j < n; j++) {
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                data.put(random.nextBoolean() ? "k" + i : "true", sb.toString());
            }
            data.put("yes", "\n\n  indented\n\n");
            Manifest m = new Manifest(Manifest.Kind.CONFIG_MAP, "n", "ns", Map.of(), Map.of(), data);
            String yaml = m.toYaml();
            ConfigObject doc = ConfigDocuments.parse("m.yaml", Format.YAML, yaml, ParseLimits.DEFAULTS);
            ConfigObject back = (ConfigObject) doc.get("data").orElseThrow();
            Map<String, String> read = new LinkedHashMap<>();
            back.entries().forEach((k, v) -> read.put(k, ((ConfigScalar) v).text()));
            assertThat(read).as(yaml).isEqualTo(data);
        }
    }
}
