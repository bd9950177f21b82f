package dev.lamina.config.internal.tree;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigTypeException;
import dev.lamina.config.Configuration;
import dev.lamina.config.testing.ThreadAllocation;

/**
 * {@code getInt} on a canonical path answers from ints converted when the configuration is built; these tests
 * pin that this shortcut answers exactly what the general conversion answers, and allocates nothing.
 */
class TreeConfigurationIntLookupTest {

    private static final Configuration C = new ConfigLoader().fromLayers(List.of(layer("ints.json", """
            {
              'limits': {'max': 2147483647, 'min': -2147483648, 'over': 2147483648, 'under': -2147483649,
                         'plus': '+7', 'minusZero': '-0', 'zero': 0, 'quoted': '8080', 'lead': '007',
                         'fraction': 1.5, 'exp': 1e3, 'word': 'ten', 'empty': '', 'flag': true, 'nothing': null},
              'ports': [80, 443, '8443', 'x'],
              'deep': {'a': {'b': {'c': 320}}}
            }
            """)));

    @Test
    void getIntReadsIntsAtEveryDepthAndAtTheRangeLimits() {
        assertThat(C.getInt("deep.a.b.c")).isEqualTo(320);
        assertThat(C.getInt("limits.max")).isEqualTo(Integer.MAX_VALUE);
        assertThat(C.getInt("limits.min")).isEqualTo(Integer.MIN_VALUE);
        assertThat(C.getInt("ports[1]")).isEqualTo(443);
    }

    @Test
    void getIntStillRejectsAValueJustOutsideTheIntRange() {
        assertThatThrownBy(() -> C.getInt("limits.over"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("ints.json:")
                .hasMessageContaining("limits.over: expected an integer between -2147483648 and 2147483647 (int)");
    }

    @Test
    void getIntOnASubConfigurationReadsItsRelativePaths() {
        Configuration deep = C.getConfig("deep.a");
        assertThat(deep.getInt("b.c")).isEqualTo(320);
    }

    /** Every scalar, read through its canonical path (the shortcut) and through a quoted spelling (the general
     * conversion), gives the same int or fails with the same exception message. */
    @TestFactory
    List<DynamicTest> canonicalAndOtherSpellingsAgreeForEveryScalar() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ConfigPath path : C.leafPaths()) {
            String canonical = path.toString();
            if (!(C.node(canonical).orElseThrow() instanceof ConfigScalar)) {
                continue;
            }
            String quoted = path.segments().stream().map(s -> '"' + s + '"').collect(Collectors.joining("."));
            tests.add(DynamicTest.dynamicTest(canonical, () ->
                    assertThat(outcome(C, quoted)).isEqualTo(outcome(C, canonical))));
        }
        assertThat(tests).hasSizeGreaterThan(15);
        return tests;
    }

    @Test
    void getIntOnACanonicalPathAllocatesNothing() {
        ThreadAllocation allocation = ThreadAllocation.counter();
        String shallow = "limits.max";
        String deep = "deep.a.b.c";
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += C.getInt(shallow) + C.getInt(deep);
        }
        long before = allocation.currentThreadBytes();
        for (int i = 0; i < 100_000; i++) {
            sum += C.getInt(shallow) + C.getInt(deep);
        }
        long allocated = allocation.currentThreadBytes() - before;
        assertThat(sum).isNotZero();
        // 200,000 lookups: even one small object each would be megabytes; allow for the measuring itself.
        assertThat(allocated).isLessThan(4_096);
    }

    private static String outcome(Configuration config, String path) {
        try {
            return "value " + config.getInt(path);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
