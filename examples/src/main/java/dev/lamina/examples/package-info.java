/**
 * A music-streaming demo service that shows Lamina at work.
 */
package dev.lamina.examples;
