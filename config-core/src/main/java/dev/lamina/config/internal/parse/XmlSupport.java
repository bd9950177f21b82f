package dev.lamina.config.internal.parse;

import java.io.StringReader;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.ri.Stax2ReaderAdapter;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;

import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * XML input, hardened: DTD support and external entities are switched off on the {@link XMLInputFactory} we
 * create ourselves (so no system property or classpath StAX provider can turn them back on), and the prolog is
 * read before Jackson sees the document so that any {@code <!DOCTYPE>} is rejected at its position.
 */
final class XmlSupport {

    /** Where the text of an element that also has attributes or children goes. */
    static final String TEXT_KEY = "value";

    private XmlSupport() {
    }

    static XMLInputFactory inputFactory(ParseLimits limits) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        // Woodstox checks these while it reads; ours are the same limits, so an attribute or a text is bounded by
        // the string limit (Woodstox's own 512 KiB attribute limit failed as "malformed XML"), the element count by
        // the node limit and the document by its size, all before the tree builder sees a token.
        setIfSupported(f, "com.ctc.wstx.maxAttributeSize", limits.maxStringLength());
        setIfSupported(f, "com.ctc.wstx.maxTextLength", limits.maxStringLength());
        setIfSupported(f, "com.ctc.wstx.maxElementCount", (long) limits.maxNodes());
        setIfSupported(f, "com.ctc.wstx.maxAttributesPerElement", limits.maxNodes());
        setIfSupported(f, "com.ctc.wstx.maxChildrenPerElement", limits.maxNodes());
        setIfSupported(f, "com.ctc.wstx.maxElementDepth", limits.maxDepth() + 2);
        setIfSupported(f, "com.ctc.wstx.maxCharacters", limits.maxDocumentBytes());
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String property, Object value) {
        if (f.isPropertySupported(property)) {
            f.setProperty(property, value);
        }
    }

    /**
     * Recognises Woodstox's limit errors, which say only "malformed XML" once they reach Jackson, and names the
     * {@link ParseLimits} component instead.
     *
     * @param fallback where to say the error is when the exception carries no location
     * @return the limit error, or {@code null} when the exception is not a limit error
     */
    static ConfigLimitException limitError(String source, Throwable e, ParseLimits limits, Origin fallback) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (!(c instanceof XMLStreamException x)) {
                continue;
            }
            String m = String.valueOf(x.getMessage()).toLowerCase(java.util.Locale.ROOT);
            Location l = x.getLocation();
            Origin at = l == null || l.getLineNumber() < 1 ? fallback
                    : Failures.at(source, l.getLineNumber(), l.getColumnNumber());
            if (m.contains("maximum attribute size")) {
                return Failures.limit(at, null, "attribute value length (more than " + limits.maxStringLength()
                        + " characters)", "maxStringLength", limits.maxStringLength());
            }
            if (m.contains("text size limit") || m.contains("maximum text length")) {
                return Failures.limit(at, null, "text length (more than " + limits.maxStringLength() + " characters)",
                        "maxStringLength", limits.maxStringLength());
            }
            if (m.contains("element count") || m.contains("child elements") || m.contains("attribute limit")) {
                return Failures.limit(at, null, "number of nodes (more than " + limits.maxNodes() + ")", "maxNodes",
                        limits.maxNodes());
            }
            if (m.contains("element depth")) {
                return Failures.limit(at, null, "nesting depth", "maxDepth", limits.maxDepth());
            }
            if (m.contains("document characters")) {
                return Failures.limit(at, null, "document size", "maxDocumentBytes", limits.maxDocumentBytes());
            }
        }
        return null;
    }

    /**
     * Opens a hardened parser over an XML document. Everything that names a jackson-dataformat-xml or Stax2 type
     * lives in this class, so that {@link DocumentParser} loads and verifies without those optional jars.
     *
     * @return the parser, or {@code null} when the document has no root element
     */
    static com.fasterxml.jackson.core.JsonParser open(String source, String text, ParseLimits limits)
            throws java.io.IOException, XMLStreamException {
        XMLInputFactory input = inputFactory(limits);
        XMLStreamReader2 reader = openAtRoot(source, input, text);
        return reader == null ? null
                : factory(input, JacksonDocuments.constraints(limits)).createParser(new XmlStructureGuard(source, reader));
    }

    static XmlFactory factory(XMLInputFactory input, StreamReadConstraints constraints) {
        return XmlFactory.builder()
                .xmlInputFactory(input)
                .nameForTextElement(TEXT_KEY)
                .streamReadConstraints(constraints)
                .build();
    }

    /**
     * Opens a reader positioned on the root element, rejecting a DOCTYPE in the prolog.
     *
     * @return the reader, or {@code null} when the document has no root element
     */
    static XMLStreamReader2 openAtRoot(String source, XMLInputFactory input, String text) throws XMLStreamException {
        if (text.isBlank()) {
            return null;
        }
        XMLStreamReader2 reader = Stax2ReaderAdapter.wrapIfNecessary(input.createXMLStreamReader(new StringReader(text)));
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                Location at = reader.getLocation();
                throw Failures.parse(Failures.at(source, at.getLineNumber(), at.getColumnNumber()), null,
                        "DOCTYPE is not allowed in XML configuration (no DTDs, no entities); remove it");
            }
            if (event == XMLStreamConstants.END_DOCUMENT || !reader.hasNext()) {
                return null;
            }
            try {
                event = reader.next();
            } catch (XMLStreamException e) {
                // Only comments and processing instructions, no root element: an empty document.
                if (String.valueOf(e.getMessage()).contains("EOF in prolog")) {
                    return null;
                }
                if (e.getLocation() == null) {
                    // Woodstox's limit errors carry no location, and no Jackson parser exists yet to ask: the
                    // reader still knows where the root element starts.
                    throw new XMLStreamException(e.getMessage(), reader.getLocation(), e);
                }
                throw e;
            }
        }
        return reader;
    }
}
