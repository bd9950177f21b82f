/**
 * Feature flags and A/B experiments evaluated locally: sticky bucketing, targeting, prerequisites, schedules.
 */
package dev.lamina.config.flags;
