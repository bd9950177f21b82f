package dev.lamina.config.testing;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Assumptions;

/**
 * The JVM's per-thread allocation counter, for tests that prove a hot path allocates nothing. Not a timing
 * measurement: the counter is exact, so such a test cannot be flaky on a loaded machine.
 *
 * <p>Reached reflectively, because Lamina's modules do not read {@code jdk.management} and a test is no reason
 * for them to. A JVM without the counter skips the calling test.
 */
public final class ThreadAllocation {

    private final Object bean;
    private final Method allocatedBytes;

    private ThreadAllocation(Object bean, Method allocatedBytes) {
        this.bean = bean;
        this.allocatedBytes = allocatedBytes;
    }

    /** @return the counter; aborts (skips) the calling test when the JVM has none */
    public static ThreadAllocation counter() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
            boolean supported = type.isInstance(bean)
                    && (boolean) type.getMethod("isThreadAllocatedMemorySupported").invoke(bean);
            Assumptions.assumeTrue(supported, "the JVM has no per-thread allocation counter");
            return new ThreadAllocation(bean, type.getMethod("getThreadAllocatedBytes", long.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            Assumptions.abort("the JVM has no per-thread allocation counter: " + e);
            throw new AssertionError(e); // unreachable: abort throws
        }
    }

    /** @return the bytes the current thread has allocated so far */
    public long currentThreadBytes() {
        try {
            return (long) allocatedBytes.invoke(bean, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the allocation counter", e);
        }
    }
}
