package dev.lamina.config.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;
import dev.lamina.config.spi.ConfigTrees;

/** docs/profiles.md lists every key every built-in profile sets, with its value. */
class ProfilesDocTest {

    private static String doc() throws IOException {
        return Files.readString(Path.of("..", "docs", "profiles.md"));
    }

    @Test
    void everyKeyOfEveryBuiltInDeploymentProfileIsDocumentedWithItsValue() throws IOException {
        String doc = doc();
        ProfileManager profiles = ProfileManager.builtInsOnly();
        for (DeploymentProfile p : DeploymentProfile.values()) {
            DeploymentProfileDefinition d = profiles.getDeploymentProfile(p);
            assertThat(doc).contains("### " + p.name() + " (`" + p.profileName() + "`)");
            for (Layer layer : d.layers()) {
                ConfigTrees.leaves(layer.root()).forEach((path, node) -> {
                    String key = path.toString().replaceAll("\\[\\d+]$", "");
                    assertThat(doc).as(p + " " + path).contains("| `" + key + "` |");
                    if (node instanceof ConfigScalar s && !path.toString().endsWith("]")) {
                        assertThat(doc).as(p + " " + path).contains("| `" + key + "` | `" + s.text() + "` |");
                    }
                });
            }
        }
    }

    @Test
    void everyKeyOfEveryBuiltInRegionIsDocumented() throws IOException {
        String doc = doc();
        for (GeographicProfile g : ProfileManager.builtInsOnly().listGeographicProfiles()) {
            assertThat(doc).contains("| `" + g.code() + "` |");
            for (Layer layer : g.layers()) {
                ConfigTrees.leaves(layer.root()).forEach((path, node) -> {
                    if (path.toString().startsWith("compliance.frameworks")) {
                        return; // documented in the "implies" column
                    }
                    String key = path.toString();
                    boolean sameAsEu = g.code().equals("UK") && key.startsWith("gdpr_compliance.");
                    if (!sameAsEu && node instanceof ConfigScalar s) {
                        assertThat(doc).as(g.code() + " " + path).contains("`" + key + ": " + s.text() + "`");
                    }
                });
            }
            assertThat(g.complianceFrameworks()).isNotEmpty();
        }
        assertThat(List.of("EU", "US", "UK", "BR", "JP", "KR")).allSatisfy(code -> assertThat(doc)
                .contains("| `" + code + "` |"));
    }
}
