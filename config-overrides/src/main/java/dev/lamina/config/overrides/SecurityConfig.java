package dev.lamina.config.overrides;

/**
 * The {@code security} section, typed; absent keys take the product's defaults: tokens expire after 30 minutes,
 * 1000 requests per rate-limit window, 5 login attempts, TLS on. Secrets in the section (keys, passwords) are not
 * here; read them where they are needed.
 *
 * @param jwtAccessTokenExpireMinutes {@code jwt_access_token_expire_minutes}
 * @param rateLimitRequests           {@code rate_limit_requests}
 * @param maxLoginAttempts            {@code max_login_attempts}
 * @param tlsEnabled                  {@code tls_enabled}
 */
public record SecurityConfig(int jwtAccessTokenExpireMinutes, int rateLimitRequests, int maxLoginAttempts,
                             boolean tlsEnabled) {
}
