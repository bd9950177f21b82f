package dev.lamina.config.internal.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import dev.lamina.config.ParseLimits;

/**
 * Jackson's YAML parser, hardened. Jackson 2.22 turns aliases into plain strings holding the anchor name, ignores
 * tags and silently drops a second document; it also hides whether a scalar was quoted. The parser below looks at
 * every SnakeYAML event as Jackson pulls it and rejects anchors, aliases, tags and extra documents at their exact
 * position, and it tells the tree builder whether the current scalar was plain (unquoted), which is what YAML 1.2
 * core-schema typing needs.
 */
final class YamlSupport {

    /** The only explicit tag accepted: {@code !!str} asks for a string, which is always safe. */
    private static final String STRING_TAG = "tag:yaml.org,2002:str";

    private YamlSupport() {
    }

    /** A rejection found inside the event stream; {@link DocumentParser} turns it into a ConfigParseException. */
    static final class Rejection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Rejection(Mark mark, String reason) {
            super(reason, null, false, false);
            this.line = mark == null ? -1 : mark.getLine() + 1;
            this.column = mark == null ? -1 : mark.getColumn() + 1;
        }
    }

    static HardenedFactory factory(ParseLimits limits, StreamReadConstraints constraints) {
        LoaderOptions options = new LoaderOptions();
        // Our own limits fire first and name the ParseLimits component; SnakeYAML's are only a backstop.
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxDocumentBytes(), 1024)));
        options.setNestingDepthLimit(limits.maxDepth() + 2);
        options.setMaxAliasesForCollections(0);
        options.setProcessComments(false);
        // Duplicate keys are found by the tree builder, which can say where the first one was. An empty plain
        // value ("key:") is null; an empty quoted value stays an empty string.
        YAMLFactoryBuilder builder = YAMLFactory.builder().loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
        builder.streamReadConstraints(constraints);
        return new HardenedFactory(builder);
    }

    /** A factory whose parsers are {@link HardenedParser}s. */
    static final class HardenedFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        HardenedFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new HardenedParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
        }

        /**
         * A parser over text already in memory, read by a {@link BoundedStreamReader} (linear time, look-ahead
         * bounded by the string limit) instead of SnakeYAML's chunked reader.
         */
        HardenedParser open(String source, String text, ParseLimits limits) {
            Reader unused = new StringReader("");
            IOContext ctxt = _createContext(_createContentReference(unused), false);
            BoundedStreamReader reader = new BoundedStreamReader(source, text, limits);
            HardenedParser parser = new HardenedParser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, unused,
                    new ParserImpl(reader, _loaderOptions));
            parser.reader = reader;
            return parser;
        }
    }

    /** Inspects every event; see the class comment. */
    static final class HardenedParser extends YAMLParser {
        private int documents;
        /** The in-memory reader, when the parser was opened on text (see {@link HardenedFactory#open}). */
        private BoundedStreamReader reader;

        HardenedParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options,
                       ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
        }

        HardenedParser(IOContext ctxt, int parserFeatures, int formatFeatures, ObjectCodec codec, Reader reader,
                       ParserImpl events) {
            super(ctxt, parserFeatures, formatFeatures, codec, reader, events);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event event = super.getEvent();
            if (event == null) {
                return null;
            }
            if (event instanceof DocumentStartEvent && ++documents > 1) {
                throw new Rejection(event.getStartMark(),
                        "a file may hold only one YAML document; remove the '---' separator or split the file");
            }
            if (event instanceof AliasEvent) {
                throw new Rejection(event.getStartMark(),
                        "YAML aliases are not supported; write the value out where it is used");
            }
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                throw new Rejection(event.getStartMark(),
                        "YAML anchors are not supported; write the value out where it is used");
            }
            String tag = null;
            if (event instanceof ScalarEvent scalar) {
                tag = scalar.getTag();
            } else if (event instanceof CollectionStartEvent collection) {
                tag = collection.getTag();
            }
            if (tag != null && !STRING_TAG.equals(tag)) {
                throw new Rejection(event.getStartMark(),
                        "YAML tags are not supported (only !!str); remove the tag, or quote the value for a string");
            }
            return event;
        }

        /**
         * Lamina types plain YAML scalars itself from their text (YAML 1.2 core schema, in TokenTreeBuilder), so
         * of Jackson's YAML 1.1 resolution (a regular expression per scalar, then number decoding) only the
         * answer "null or not" is used: a plain, untagged scalar is decided here, the same way Jackson's resolver
         * decides nulls ({@code ~}, {@code null}, {@code Null}, {@code NULL}, and the empty scalar since
         * {@code EMPTY_STRING_AS_NULL} is on). Quoted and tagged scalars keep Jackson's path.
         */
        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            if (scalar.getTag() != null || !scalar.getImplicit().canOmitTagInPlainScalar()) {
                return super._decodeScalar(scalar);
            }
            String value = scalar.getValue();
            _textValue = value;
            _cleanedTextValue = null;
            return isNull(value) && (_cfgEmptyStringsToNull || !value.isEmpty())
                    ? JsonToken.VALUE_NULL : JsonToken.VALUE_STRING;
        }

        private static boolean isNull(String plain) {
            return switch (plain) {
                case "", "~", "null", "Null", "NULL" -> true;
                default -> false;
            };
        }

        /**
         * Where the content of the current block scalar ({@code |} or {@code >}) starts: the line after the
         * indicator, at the block's indentation. Jackson's location is the indicator's, so a position inside the
         * value (an interpolation error, see {@code Resolution.Scope#position}) was counted from the wrong line.
         *
         * @return {1-based line, 1-based column}, or {@code null} when the current token is no block scalar
         */
        int[] blockContentStart() {
            if (reader == null || !(_lastEvent instanceof ScalarEvent scalar)) {
                return null;
            }
            org.yaml.snakeyaml.DumperOptions.ScalarStyle style = scalar.getScalarStyle();
            if (style != org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                    && style != org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED) {
                return null;
            }
            Mark start = scalar.getStartMark();
            return start == null ? null : reader.blockContentStart(start.getIndex(), start.getLine() + 1);
        }

        /** @return {@code true} when the current token is a scalar (or key) written without quotes or tag */
        boolean isPlainScalar() {
            return _lastEvent instanceof ScalarEvent scalar && scalar.isPlain() && scalar.getTag() == null;
        }
    }
}
