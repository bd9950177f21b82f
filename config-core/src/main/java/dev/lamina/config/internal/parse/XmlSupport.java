package dev.lamina.config.internal.parse;

import java.io.StringReader;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;

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

    static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        return f;
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
    static XMLStreamReader openAtRoot(String source, XMLInputFactory input, String text) throws XMLStreamException {
        if (text.isBlank()) {
            return null;
        }
        XMLStreamReader reader = input.createXMLStreamReader(new StringReader(text));
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
                throw e;
            }
        }
        return reader;
    }
}
