package dev.lamina.config.internal.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ResolvedValue;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.ValueContext;
import dev.lamina.config.ValueDecoder;
import dev.lamina.config.ValueResolver;
import dev.lamina.config.internal.resolve.Template.Literal;
import dev.lamina.config.internal.resolve.Template.Lookup;
import dev.lamina.config.internal.resolve.Template.Part;
import dev.lamina.config.internal.resolve.Template.Variable;
import dev.lamina.config.internal.tree.Trees;

/**
 * One interpolation run over one merged tree. Holds the values already resolved (a {@code ${ref:...}} target is
 * resolved once, however often it is referenced) and the chain of references being resolved (cycle detection).
 *
 * <p>Messages are built from paths, names, columns and the user's own {@code :?} text; never from a resolved
 * value or a scalar's text. Not thread-safe: one instance per call of {@link TreeResolver#resolve}.
 */
final class Resolution {

    /** Longest value interpolation may produce (also the largest {@code ${file:...}}): the default string limit. */
    static final int MAX_VALUE_LENGTH = 1024 * 1024;

    /** Longest chain of {@code ${ref:...}} through other references. */
    static final int MAX_REFERENCE_DEPTH = 64;

    static final String REF = "ref";
    static final String FILE = "file";

    private final ConfigObject root;
    private final ResolveSettings settings;
    private final FileLookup files;
    private final Map<ConfigPath, String> resolved = new HashMap<>();
    private final LinkedHashSet<ConfigPath> active = new LinkedHashSet<>();
    private final String environmentName;
    private final List<ValueDecoder> decoders;
    /** Paths whose value a resolver or decoder marked secret (or that reference one); usually empty. */
    private final Set<ConfigPath> markedSecret = new HashSet<>();

    /**
     * Where the string being interpolated is; every error is reported there. Whether the path is secret is only
     * needed to word an error or hide a key, so the policy's patterns run on first use, not for every template.
     */
    static final class Scope {
        private final ConfigPath path;
        private final Origin origin;
        private final SecretPolicy policy;
        /** The text being interpolated, to turn an expression's column into a line and column of the file. */
        private final String text;
        /** 1-based column (in {@link #text}) of the expression being evaluated, or 0 outside any expression. */
        private int column;
        private byte secret; // 0 unknown, 1 no, 2 yes
        /** Set when a resolver's result or a referenced value was marked secret: the path becomes secret. */
        private boolean marked;

        Scope(ConfigPath path, Origin origin, SecretPolicy policy, String text) {
            this.path = path;
            this.origin = origin;
            this.policy = policy;
            this.text = text;
        }

        ConfigPath path() {
            return path;
        }

        Origin origin() {
            return origin;
        }

        /**
         * Where an error is: for a value that spans lines (a YAML block scalar, whose origin is its first content
         * line), the line and column of the current expression's {@code $} in the file, since a column counted
         * through the whole value pointed thousands of characters past the end of the line; else the value's
         * origin, and messages give the expression's column in the value.
         */
        Origin position() {
            if (column <= 0 || !isMultiLine() || !origin.hasLine() || origin.column() < 1) {
                return origin;
            }
            int offset = Math.min(column - 1, text.length());
            int lines = 0;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                    lineStart = i + 1;
                }
            }
            return new Origin(origin.source(), origin.line() + lines, origin.column() + offset - lineStart);
        }

        boolean isMultiLine() {
            return text.indexOf('\n') >= 0;
        }

        /** @return how a message names the expression at a column: in the value, or in the file */
        String at(int expressionColumn) {
            if (!isMultiLine()) {
                return "at column " + expressionColumn;
            }
            int saved = column;
            column = expressionColumn;
            Origin o = position();
            column = saved;
            return o.hasLine() ? "at " + o.line() + ":" + o.column() : "at column " + expressionColumn;
        }

        void mark() {
            marked = true;
            secret = 2;
        }

        boolean secret() {
            if (secret == 0) {
                secret = policy.isSecret(path) ? (byte) 2 : (byte) 1;
            }
            return secret == 2;
        }
    }

    /** The segments from the root to the node being walked; a ConfigPath is built only for a template. */
    private final ArrayList<String> trail = new ArrayList<>();

    Resolution(ConfigObject root, ResolveSettings settings) {
        this(root, settings, "");
    }

    Resolution(ConfigObject root, ResolveSettings settings, String environmentName) {
        this.root = root;
        this.settings = settings;
        this.files = new FileLookup(settings.baseDirectory(), settings.fileRoots(), settings.maxFileBytes(),
                settings.reads());
        this.environmentName = environmentName;
        this.decoders = settings.decoders();
    }

    /** @return the paths marked secret during {@link #resolveTree()} */
    Set<ConfigPath> markedSecret() {
        return markedSecret;
    }

    ConfigObject resolveTree() {
        return (ConfigObject) walk(root);
    }

    /** Returns {@code node} itself when nothing below it changes, so unchanged subtrees stay shared. */
    private ConfigNode walk(ConfigNode node) {
        if (node instanceof ConfigObject object) {
            Map<String, ConfigNode> entries = object.entries();
            ConfigNode[] changed = null;
            int i = 0;
            for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
                trail.add(e.getKey());
                ConfigNode child = walk(e.getValue());
                trail.remove(trail.size() - 1);
                if (child != e.getValue()) {
                    if (changed == null) {
                        changed = new ConfigNode[entries.size()];
                    }
                    changed[i] = child;
                }
                i++;
            }
            return changed == null ? object : Trees.withChildren(object, changed);
        }
        if (node instanceof ConfigList list) {
            List<ConfigNode> out = null;
            for (int i = 0; i < list.size(); i++) {
                ConfigNode item = list.items().get(i);
                trail.add(Integer.toString(i));
                ConfigNode child = walk(item);
                trail.remove(trail.size() - 1);
                if (child != item && out == null) {
                    out = new ArrayList<>(list.items().subList(0, i));
                }
                if (out != null) {
                    out.add(child);
                }
            }
            return out != null ? new ConfigList(out, list.origin()) : list;
        }
        if (node instanceof ConfigScalar scalar && needsResolution(scalar)) {
            String value = valueOf(ConfigPath.of(trail), scalar);
            // Interpolated text is a string whatever it looks like; the origin stays the scalar's own.
            return value.equals(scalar.text()) ? scalar : ConfigScalar.string(value, scalar.origin());
        }
        return node;
    }

    private boolean needsResolution(ConfigScalar scalar) {
        return scalar.type() == ScalarType.STRING
                && (scalar.text().indexOf('$') >= 0 || (!decoders.isEmpty() && decoderFor(scalar.text()) != null));
    }

    /** The first decoder that accepts the text, or {@code null}; only called when there are decoders. */
    private ValueDecoder decoderFor(String text) {
        for (ValueDecoder d : decoders) {
            if (d.accepts(text)) {
                return d;
            }
        }
        return null;
    }

    /** The interpolated (or decoded) text of a string scalar, computed once. */
    private String valueOf(ConfigPath path, ConfigScalar scalar) {
        String done = resolved.get(path);
        if (done != null) {
            return done;
        }
        Scope scope = new Scope(path, scalar.origin(), settings.secrets(), scalar.text());
        ValueDecoder decoder = decoders.isEmpty() ? null : decoderFor(scalar.text());
        if (decoder != null) {
            // A decoded value is final: its plaintext is never scanned for expressions.
            String value = decode(decoder, scalar, scope);
            resolved.put(path, value);
            return value;
        }
        Template template;
        try {
            template = TemplateParser.parse(scalar.text());
        } catch (TemplateSyntaxException e) {
            String at = scope.at(e.column());
            scope.column = e.column();
            throw error(scope, "invalid template " + at + ": " + e.getMessage());
        }
        active.add(path);
        try {
            String value = evaluate(template, scope);
            if (scope.marked) {
                markedSecret.add(path);
            }
            resolved.put(path, value);
            return value;
        } finally {
            active.remove(path);
        }
    }

    private String decode(ValueDecoder decoder, ConfigScalar scalar, Scope scope) {
        String name = decoder.getClass().getName();
        ResolvedValue result;
        try {
            result = decoder.decode(scalar.text(), new ValueContext(scope.path(), scope.origin(), environmentName));
        } catch (ConfigResolveException e) {
            if (decoder instanceof dev.lamina.config.internal.secret.EnvelopeDecoder) {
                // Lamina's own decoder already names the place, the key id and the reason.
                throw e;
            }
            // The SPI promises that its reason holds neither the text nor the plaintext.
            throw new ConfigResolveException(scope.origin(), scope.path(),
                    "decoder " + name + " failed: " + e.reason(), e);
        } catch (RuntimeException e) {
            // Any other message may quote the value: name the type only, and never keep the cause.
            throw new ConfigResolveException(scope.origin(), scope.path(), "decoder " + name + " failed ("
                    + e.getClass().getName() + ")");
        }
        if (result == null) {
            throw error(scope, "decoder " + name + " returned null (a decoder returns a ResolvedValue)");
        }
        if (result.text().length() > MAX_VALUE_LENGTH) {
            throw error(scope, "the decoded value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (result.secret()) {
            markedSecret.add(scope.path());
        }
        return result.text();
    }

    private String evaluate(Template template, Scope scope) {
        StringBuilder out = new StringBuilder();
        append(template, scope, out);
        return out.toString();
    }

    private void append(Template template, Scope scope, StringBuilder out) {
        for (Part part : template.parts()) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Variable variable) {
                int outer = scope.column;
                scope.column = variable.column();
                appendVariable(variable, scope, out);
                scope.column = outer;
            } else if (part instanceof Lookup lookup) {
                int outer = scope.column;
                scope.column = lookup.column();
                appendLookup(lookup, scope, out);
                scope.column = outer;
            }
            if (out.length() > MAX_VALUE_LENGTH) {
                throw error(scope, "the interpolated value is longer than " + MAX_VALUE_LENGTH + " characters");
            }
        }
    }

    private void appendVariable(Variable variable, Scope scope, StringBuilder out) {
        Optional<String> found = settings.environment().apply(variable.name());
        String value = found == null ? null : found.orElse(null);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        switch (variable.operator()) {
            case NONE -> {
                if (!set) {
                    throw unset(variable, scope);
                }
                out.append(value);
            }
            case DEFAULT_UNSET_OR_EMPTY -> appendEither(nonEmpty, value, variable.word(), scope, out);
            case DEFAULT_UNSET -> appendEither(set, value, variable.word(), scope, out);
            case REQUIRE_NON_EMPTY -> {
                if (!nonEmpty) {
                    throw required(variable, scope);
                }
                out.append(value);
            }
            case REQUIRE_SET -> {
                if (!set) {
                    throw required(variable, scope);
                }
                out.append(value);
            }
            case ALTERNATIVE_NON_EMPTY -> {
                if (nonEmpty) {
                    append(variable.word(), scope, out);
                }
            }
            case ALTERNATIVE_SET -> {
                if (set) {
                    append(variable.word(), scope, out);
                }
            }
        }
    }

    private void appendEither(boolean useValue, String value, Template word, Scope scope, StringBuilder out) {
        if (useValue) {
            out.append(value);
        } else {
            append(word, scope, out);
        }
    }

    private ConfigResolveException required(Variable variable, Scope scope) {
        String reason = "required variable " + variable.name() + " is missing a value";
        if (!variable.word().parts().isEmpty()) {
            if (scope.secret() && !variable.word().isLiteral()) {
                // The message would carry interpolated values into an exception about a secret path.
                reason += " (message not shown: it contains interpolated values and the path is secret)";
            } else {
                reason += ": " + evaluate(variable.word(), scope);
            }
        }
        return error(scope, reason);
    }

    private ConfigResolveException unset(Variable variable, Scope scope) {
        String name = variable.name();
        if (!variable.braced() && scope.secret()) {
            // A bare "$word" in a secret is most likely part of the secret itself (pa$word): do not show it.
            return error(scope, "the '$' " + scope.at(variable.column()) + " starts a variable that is not set "
                    + "(name not shown: the path is secret; fix: write $$ for a literal $, or export the variable)");
        }
        String fix = variable.braced()
                ? "export " + name + " or write ${" + name + ":-default}"
                : "export " + name + ", write ${" + name + ":-default}, or write $$ for a literal $ "
                        + scope.at(variable.column());
        if (variable.braced() && namesAKey(name)) {
            // Spring Boot's ${database} means another key; Lamina's means an environment variable. Say so rather
            // than leave a migrating user to export a variable that duplicates the key.
            fix = "to use the key " + name + " of this configuration write ${ref:" + name + "}; else " + fix;
        }
        return error(scope, "variable " + name + " is not set (fix: " + fix + ")");
    }

    private boolean namesAKey(String name) {
        try {
            Optional<ConfigNode> node = find(ConfigPath.parse(name));
            return node.isPresent() && node.get() instanceof ConfigScalar;
        } catch (IllegalArgumentException e) {
            return false; // not a path (FOO-BAR!), so certainly not a key's name
        }
    }

    private void appendLookup(Lookup lookup, Scope scope, StringBuilder out) {
        String prefix = lookup.prefix();
        ValueResolver custom = settings.resolvers().get(prefix);
        if (custom == null && !REF.equals(prefix) && !FILE.equals(prefix)) {
            TreeSet<String> known = new TreeSet<>(settings.resolvers().keySet());
            known.add(REF);
            known.add(FILE);
            throw error(scope, "unknown resolver prefix '" + prefix + "' " + scope.at(lookup.column()) + " (known: "
                    + String.join(", ", known) + "; for a variable with a default write ${NAME:-default})");
        }
        String key = evaluate(lookup.key(), scope);
        String shownKey = !lookup.key().isLiteral() && scope.secret() ? "<interpolated key>" : key;
        Optional<String> value = switch (prefix) {
            case REF -> reference(key, shownKey, lookup, scope);
            case FILE -> file(key, scope);
            default -> custom(custom, prefix, key, shownKey, scope);
        };
        if (value.isPresent()) {
            out.append(value.get());
        } else if (lookup.fallback().isPresent()) {
            append(lookup.fallback().get(), scope, out);
        } else {
            throw error(scope, notFound(prefix, key, shownKey));
        }
    }

    private String notFound(String prefix, String key, String shownKey) {
        return switch (prefix) {
            case REF -> "reference ${ref:" + shownKey + "} points to no value (fix: add " + shownKey
                    + " to the configuration or write ${ref:" + shownKey + ":-default})";
            case FILE -> "file " + files.locate(key) + " does not exist (fix: create it or write ${file:"
                    + shownKey + ":-default})";
            default -> "resolver '" + prefix + "' has no value for key " + shownKey + " (fix: write ${" + prefix + ":"
                    + shownKey + ":-default} for a default)";
        };
    }

    private Optional<String> reference(String key, String shownKey, Lookup lookup, Scope scope) {
        ConfigPath target;
        try {
            target = ConfigPath.parse(key);
        } catch (IllegalArgumentException e) {
            throw error(scope, "${ref:...} " + scope.at(lookup.column()) + " does not hold a valid config path");
        }
        Optional<ConfigNode> node = find(target);
        if (node.isEmpty() || node.get() instanceof ConfigNull) {
            return Optional.empty();
        }
        if (!(node.get() instanceof ConfigScalar scalar)) {
            throw error(scope, "reference ${ref:" + shownKey + "} points to " + article(node.get().kindName())
                    + "; only a string, number or boolean can be interpolated");
        }
        if (!needsResolution(scalar)) {
            return Optional.of(scalar.text());
        }
        String done = resolved.get(target);
        if (done != null) {
            if (markedSecret.contains(target)) {
                scope.mark();
            }
            return Optional.of(done);
        }
        if (active.contains(target)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (ConfigPath p : active) {
                inCycle |= p.equals(target);
                if (inCycle) {
                    cycle.add(p.toString());
                }
            }
            cycle.add(target.toString());
            throw error(scope, "reference cycle: " + String.join(" -> ", cycle));
        }
        if (active.size() >= MAX_REFERENCE_DEPTH) {
            throw error(scope, "references are chained deeper than " + MAX_REFERENCE_DEPTH);
        }
        String value = valueOf(target, scalar);
        if (markedSecret.contains(target)) {
            // Copying a secret makes the copy secret too.
            scope.mark();
        }
        return Optional.of(value);
    }

    private static String article(String kind) {
        return (kind.startsWith("o") ? "an " : "a ") + kind;
    }

    private Optional<ConfigNode> find(ConfigPath path) {
        ConfigNode node = root;
        for (String segment : path.segments()) {
            if (node instanceof ConfigObject object) {
                node = object.entries().get(segment);
            } else if (node instanceof ConfigList list && !segment.isEmpty()
                    && segment.length() < 10 && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                node = index < list.size() ? list.items().get(index) : null;
            } else {
                node = null;
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private Optional<String> file(String key, Scope scope) {
        Optional<String> value;
        try {
            value = files.read(key);
        } catch (FileLookup.Failure e) {
            throw error(scope, e.getMessage());
        }
        if (value.isPresent()) {
            // A file lookup usually reads a mounted secret: the value, and so the path, is secret.
            scope.mark();
        }
        return value;
    }

    private Optional<String> custom(ValueResolver resolver, String prefix, String key, String shownKey, Scope scope) {
        Optional<ResolvedValue> value;
        try {
            value = resolver.resolve(key, new ValueContext(scope.path(), scope.origin(), environmentName));
        } catch (ConfigResolveException e) {
            // The SPI promises that its reason holds no secret.
            throw new ConfigResolveException(scope.position(), scope.path(),
                    "resolver '" + prefix + "' failed for key " + shownKey + ": " + e.reason(), e);
        } catch (RuntimeException e) {
            // Any other exception's message may quote anything: name its type only, and keep it as the cause
            // only where the path is not secret.
            throw new ConfigResolveException(scope.position(), scope.path(), "resolver '" + prefix
                    + "' failed for key " + shownKey + " (" + e.getClass().getName() + ")",
                    scope.secret() ? null : e);
        }
        if (value == null) {
            throw error(scope, "resolver '" + prefix + "' returned null for key " + shownKey
                    + " (a resolver returns Optional.empty() for an unknown key)");
        }
        if (value.isPresent() && value.get().secret()) {
            scope.mark();
        }
        return value.map(ResolvedValue::text);
    }

    private ConfigResolveException error(Scope scope, String reason) {
        return new ConfigResolveException(scope.position(), scope.path(), reason);
    }
}
