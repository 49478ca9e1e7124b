package io.followup.oauth;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps nothing: a client-credentials token is a signed JWT that every instance verifies with the public key alone,
 * so there is no grant to look up later. (Spring's default keeps every token in this instance's memory, for ever; its
 * JDBC store would write a row per token.) The price: a token cannot be withdrawn before it expires, so revoking a
 * client stops new tokens, and the ones it holds stay valid for at most {@code followup.oauth.access-token-ttl}.
 */
final class SelfContainedTokens implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
