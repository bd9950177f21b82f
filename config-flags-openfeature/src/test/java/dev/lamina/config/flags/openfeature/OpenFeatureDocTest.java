package dev.lamina.config.flags.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/** docs/openfeature.md: the setup works as written, and the example flags answer as the page says. */
class OpenFeatureDocTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- check:([a-z.]+) -->\\n```[a-z]*\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void thePageSetupAndExamplesWork(@TempDir Path dir) throws IOException {
        String page = Files.readString(docs().resolve("openfeature.md"));
        Map<String, String> blocks = new java.util.LinkedHashMap<>();
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        assertThat(blocks.get("setup").strip().lines()).hasSize(5);
        Files.writeString(dir.resolve("base.yaml"), blocks.get("flags.yaml"));
        Files.writeString(dir.resolve("production.yaml"), "{}\n");

        // The five lines of the page, with the attributes they leave to the reader.
        Map<String, Value> attributes = Map.of("plan", new Value("premium"));
        ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).build());
        manager.loadEnvironmentConfig("production");
        OpenFeatureAPI.getInstance().setProviderAndWait("doc", new LaminaProvider(manager));
        Client client = OpenFeatureAPI.getInstance().getClient("doc");
        long limit = client.getIntegerValue("max_upload_mb", 10, new ImmutableContext("user-42", attributes));
        assertThat(limit).isEqualTo(500);

        FlagEvaluationDetails<Integer> premium = client.getIntegerDetails("max_upload_mb", 10,
                new ImmutableContext("user-42", attributes));
        assertThat(premium.getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(premium.getVariant()).isEqualTo("premium");
        assertThat(premium.getFlagMetadata().getString("rule")).isEqualTo("premium-users");
        FlagEvaluationDetails<Integer> free = client.getIntegerDetails("max_upload_mb", 10,
                new ImmutableContext("user-7", Map.of("plan", new Value("free"))));
        assertThat(free.getValue()).isEqualTo(50);
        assertThat(free.getReason()).isEqualTo("DEFAULT");
        FlagEvaluationDetails<Value> player = client.getObjectDetails("player_settings", new Value(),
                new ImmutableContext("user-42"));
        assertThat(player.getReason()).isEqualTo("STATIC");
        assertThat(player.getValue().asStructure().getValue("buffer_seconds").asInteger()).isEqualTo(30);
        assertThat(player.getFlagMetadata().getString("owner")).isEqualTo("player-team");
        assertThat(player.getFlagMetadata().getInteger("ticket")).isEqualTo(4711);
        assertThat(client.getBooleanDetails("new_player", false, new ImmutableContext("user-42")).getReason())
                .isIn("SPLIT", "DEFAULT");
        assertThat(client.getBooleanDetails("new_player", false, new ImmutableContext()).getErrorCode())
                .isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
        FlagEvaluationDetails<Boolean> lyrics = client.getBooleanDetails("lyrics_panel", true, new ImmutableContext());
        assertThat(lyrics.getReason()).isEqualTo("DISABLED");
        assertThat(lyrics.getValue()).isTrue();
        assertThat(client.getIntegerDetails("player_settings", 1, new ImmutableContext()).getErrorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(client.getBooleanDetails("nope", false, new ImmutableContext()).getErrorCode())
                .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void thePayloadExamplesAnswerAsThePageSays() throws IOException {
        String page = Files.readString(docs().resolve("openfeature.md"));
        Matcher m = BLOCK.matcher(page);
        String yaml = null;
        while (m.find()) {
            if (m.group(1).equals("payloads.yaml")) {
                yaml = m.group(2);
            }
        }
        assertThat(yaml).isNotNull();
        LaminaProvider p = new LaminaProvider(Fixtures.flags(yaml));
        ImmutableContext u = new ImmutableContext("user-42");
        Value tuning = p.getObjectEvaluation("search_tuning", new Value(), u).getValue();
        assertThat(tuning.asStructure().getValue("title").asInteger()).isEqualTo(3);
        assertThat(p.getObjectEvaluation("banner_text", new Value(), u).getValue().asString()).isEqualTo("Spring sale");
        assertThat(p.getIntegerEvaluation("retry_budget", 0, u).getValue()).isEqualTo(5);
        assertThat(p.getDoubleEvaluation("retry_budget", 0.0, u).getValue()).isEqualTo(5.0);
        assertThat(p.getObjectEvaluation("retry_budget", new Value(), u).getValue().asInteger()).isEqualTo(5);
        assertThat(p.getObjectEvaluation("broken_tuning", new Value(), u).getErrorCode())
                .isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(p.getStringEvaluation("broken_tuning", "-", u).getValue()).isEqualTo("{\"title\": 3");
    }

    @Test
    void theReasonsTableNamesEveryErrorCodeTheProviderAnswers() throws IOException {
        String page = Files.readString(docs().resolve("openfeature.md"));
        String table = page.substring(page.indexOf("<!-- check:reasons -->"), page.indexOf("A disabled flag is"));
        java.util.Set<String> named = new java.util.TreeSet<>();
        Matcher codes = Pattern.compile("\\| `([A-Z_]+)` \\|\\n").matcher(table);
        while (codes.find()) {
            named.add(codes.group(1));
        }
        // Every code LaminaProvider can answer (each is produced by a test in this module), and no other.
        assertThat(named).containsExactlyInAnyOrder("FLAG_NOT_FOUND", "TYPE_MISMATCH", "PARSE_ERROR",
                "TARGETING_KEY_MISSING", "INVALID_CONTEXT", "PROVIDER_NOT_READY", "GENERAL");
        for (String code : named) {
            assertThat(ErrorCode.valueOf(code)).isNotNull();
        }
    }

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/openfeature.md"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/openfeature.md not found");
    }
}
