/**
 * Deployment profiles (high volume, low latency, high accuracy, cost optimised) and geographic profiles.
 */
package dev.lamina.config.profiles;
