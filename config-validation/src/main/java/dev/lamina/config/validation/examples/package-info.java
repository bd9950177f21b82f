/**
 * The product's example domain (a music-streaming platform): rules and thresholds that only such a service wants.
 * Nothing here is used unless asked for.
 */
package dev.lamina.config.validation.examples;
