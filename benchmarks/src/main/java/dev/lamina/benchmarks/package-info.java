/**
 * JMH benchmarks of Lamina against peer libraries.
 */
package dev.lamina.benchmarks;
