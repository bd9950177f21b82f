package dev.lamina.config.internal.parse;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.util.StreamReader2Delegate;

import dev.lamina.config.Origin;

/**
 * Watches the StAX events as Jackson pulls them and refuses the XML shapes that Jackson would silently turn into a
 * different tree: an attribute and a child element of the same name (Jackson merges both into one key, which the
 * tree builder then reads as a list of the two), and an attribute named {@value XmlSupport#TEXT_KEY} on an element
 * that also has text (both land on that key). Both are refused naming both positions. One instance reads one
 * document; not thread-safe.
 */
final class XmlStructureGuard extends StreamReader2Delegate {

    private record Frame(String name, String[] attributes, Origin origin) {
        boolean hasAttribute(String local) {
            for (String a : attributes) {
                if (a.equals(local)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String source;
    private final Deque<Frame> open = new ArrayDeque<>();

    /** @param reader a reader positioned on the root element */
    XmlStructureGuard(String source, XMLStreamReader2 reader) {
        super(reader);
        this.source = source;
        open.push(frame());
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                Frame child = frame();
                Frame parent = open.peek();
                if (parent != null && parent.hasAttribute(child.name())) {
                    throw Failures.parse(child.origin(), null, "element <" + child.name() + "> has the same name as "
                            + "an attribute of <" + parent.name() + "> at " + position(parent.origin()) + "; both would"
                            + " be the key '" + child.name() + "': rename one of them");
                }
                open.push(child);
            }
            case XMLStreamConstants.END_ELEMENT -> open.poll();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                Frame current = open.peek();
                if (current != null && current.hasAttribute(XmlSupport.TEXT_KEY) && !isWhiteSpace()) {
                    throw Failures.parse(here(), null, "<" + current.name() + "> at " + position(current.origin())
                            + " has both an attribute '" + XmlSupport.TEXT_KEY + "' and text; both would be the key '"
                            + XmlSupport.TEXT_KEY + "': move the text into a child element or rename the attribute");
                }
            }
            default -> {
                // Comments, processing instructions, whitespace: nothing to check.
            }
        }
        return event;
    }

    @Override
    public void skipElement() throws XMLStreamException {
        super.skipElement();
        open.poll();
    }

    private Frame frame() {
        int n = getAttributeCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = getAttributeLocalName(i);
        }
        return new Frame(getLocalName(), names, here());
    }

    private Origin here() {
        Location at;
        try {
            at = getLocationInfo().getStartLocation();
        } catch (RuntimeException e) {
            at = getLocation();
        }
        return at == null ? Origin.of(source) : Failures.at(source, at.getLineNumber(), at.getColumnNumber());
    }

    private static String position(Origin o) {
        return o.hasLine() ? o.line() + ":" + o.column() : "an earlier line";
    }
}
