package dev.lamina.config.flags;

import java.time.Instant;
import java.util.List;

import dev.lamina.config.flags.internal.context.AttributeText;
import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.context.ReadAttribute;

/**
 * How a view of an adapter's context reads one attribute: a single value is kept as the adapter holds it and
 * interpreted only as far as an operator asks ({@link ReadAttribute}); a list is interpreted at once. Kept apart
 * from {@link EvaluationContext}, so that only views load {@link ReadAttribute}.
 */
final class ViewReads {

    private ViewReads() {
    }

    /** @return reads for a shared view: a new holder per read, so the view is as thread-safe as its source */
    static ContextData.Source shared(EvaluationContext.AttributeSource source) {
        return name -> read(source, name, null);
    }

    /** @return reads for a confined view: a few holders reused, so single values allocate nothing */
    static ContextData.Source confined(EvaluationContext.AttributeSource source) {
        return new Confined(source);
    }

    /**
     * A confined view's reads: four holders reused round-robin; an evaluation holds one attribute at a time, the
     * ring leaves room for more.
     */
    private static final class Confined implements ContextData.Source {
        private final EvaluationContext.AttributeSource source;
        private final ReadAttribute[] ring = {new ReadAttribute(), new ReadAttribute(), new ReadAttribute(),
            new ReadAttribute()};
        private int next;

        Confined(EvaluationContext.AttributeSource source) {
            this.source = source;
        }

        @Override
        public AttributeValue read(String name) {
            int i = next;
            next = (i + 1) & 3;
            return ViewReads.read(source, name, ring[i]);
        }
    }

    /**
     * @param into the reused holder of a confined view, or {@code null} for a new one
     */
    private static AttributeValue read(EvaluationContext.AttributeSource source, String name, ReadAttribute into) {
        Object value = source.attribute(name);
        if (value == null) {
            return null;
        }
        if (ContextData.builtinIndex(name) == ContextData.CURRENT_TIME) {
            return value instanceof Instant i ? (into == null ? new ReadAttribute() : into).set(i) : null;
        }
        if (AttributeText.isScalar(value)) {
            return (into == null ? new ReadAttribute() : into).set(value);
        }
        if (!EvaluationContext.supported(value)) {
            return null;
        }
        if (value instanceof List<?> l) {
            String[] elements = new String[l.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = AttributeText.text(l.get(i));
            }
            return new AttributeValue(AttributeText.text(value), elements);
        }
        return new AttributeValue(AttributeText.text(value));
    }
}
