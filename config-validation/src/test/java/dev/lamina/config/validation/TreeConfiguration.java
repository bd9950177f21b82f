package dev.lamina.config.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigTypeException;
import dev.lamina.config.Configuration;
import dev.lamina.config.DataSize;
import dev.lamina.config.Explanation;
import dev.lamina.config.Origin;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.validation.internal.tree.Trees;

/**
 * A minimal test-only {@link Configuration} over a tree: enough for rules (tree, lookups, origins, secrets); the
 * conversions and binding that validation never uses throw {@link UnsupportedOperationException}.
 */
final class TreeConfiguration implements Configuration {

    private final ConfigObject root;

    TreeConfiguration(ConfigObject root) {
        this.root = root;
    }

    @Override
    public ConfigObject root() {
        return root;
    }

    @Override
    public Optional<ConfigNode> node(String path) {
        return Trees.find(root, ConfigPath.parse(path));
    }

    @Override
    public boolean hasPath(String path) {
        return node(path).filter(n -> !(n instanceof dev.lamina.config.ConfigNull)).isPresent();
    }

    private ConfigScalar scalar(String path) {
        ConfigNode n = node(path).orElseThrow(() -> new ConfigMissingException(null, ConfigPath.parse(path), "missing"));
        if (n instanceof ConfigScalar s) {
            return s;
        }
        throw new ConfigTypeException(n.origin(), ConfigPath.parse(path), "not a scalar");
    }

    @Override
    public String getString(String path) {
        return scalar(path).text();
    }

    @Override
    public int getInt(String path) {
        try {
            return Integer.parseInt(scalar(path).text().trim());
        } catch (NumberFormatException e) {
            throw new ConfigTypeException(scalar(path).origin(), ConfigPath.parse(path), "expected an integer");
        }
    }

    @Override
    public long getLong(String path) {
        return Long.parseLong(scalar(path).text().trim());
    }

    @Override
    public double getDouble(String path) {
        return Double.parseDouble(scalar(path).text().trim());
    }

    @Override
    public boolean getBoolean(String path) {
        return Boolean.parseBoolean(scalar(path).text().trim());
    }

    @Override
    public Duration getDuration(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DataSize getSize(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <E extends Enum<E>> E getEnum(String path, Class<E> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> List<T> getList(String path, Class<T> elementType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> getOptionalString(String path) {
        return hasPath(path) ? Optional.of(getString(path)) : Optional.empty();
    }

    @Override
    public Optional<Integer> getOptionalInt(String path) {
        return hasPath(path) ? Optional.of(getInt(path)) : Optional.empty();
    }

    @Override
    public Optional<Long> getOptionalLong(String path) {
        return hasPath(path) ? Optional.of(getLong(path)) : Optional.empty();
    }

    @Override
    public Optional<Double> getOptionalDouble(String path) {
        return hasPath(path) ? Optional.of(getDouble(path)) : Optional.empty();
    }

    @Override
    public Optional<Boolean> getOptionalBoolean(String path) {
        return hasPath(path) ? Optional.of(getBoolean(path)) : Optional.empty();
    }

    @Override
    public Optional<Duration> getOptionalDuration(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DataSize> getOptionalSize(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <E extends Enum<E>> Optional<E> getOptionalEnum(String path, Class<E> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T bind(String path, Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getConfig(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Origin> origin(String path) {
        return node(path).map(ConfigNode::origin);
    }

    @Override
    public Explanation explain(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ConfigPath> leafPaths() {
        List<ConfigPath> out = new ArrayList<>();
        Trees.walk(root, (p, n) -> {
            if (n instanceof ConfigScalar) {
                out.add(p);
            }
        });
        return out;
    }

    @Override
    public Map<String, Object> unwrapped() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isSecret(String path) {
        ConfigPath p = ConfigPath.parse(path);
        return SecretPolicy.DEFAULT.isSecret(p)
                || node(path).filter(n -> n instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text())).isPresent();
    }

    @Override
    public SecretPolicy secretPolicy() {
        return SecretPolicy.DEFAULT;
    }

    @Override
    public String toString() {
        return "TreeConfiguration";
    }
}
