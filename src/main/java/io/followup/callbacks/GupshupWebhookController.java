package io.followup.callbacks;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gupshup's callbacks, one URL per app. Gupshup signs nothing; what it offers is custom headers on a subscription
 * (its {@code meta} "will be passed to the subscription URL as headers ... which can be used for authentication",
 * https://partner-docs.gupshup.io/reference/setsubscription-api-v3), so each app has a token, presented in
 * {@code X-Followup-Token} or, where a callback URL cannot carry headers, as {@code ?token=}.
 */
@Hidden
@RestController
class GupshupWebhookController {

    static final String TOKEN_HEADER = "X-Followup-Token";

    private final CallbackSettings.Gupshup settings;
    private final ProviderEvents events;
    private final JsonMapper json;

    GupshupWebhookController(CallbackSettings settings, ProviderEvents events, JsonMapper json) {
        this.settings = settings.gupshup();
        this.events = events;
        this.json = json;
    }

    @PostMapping("/webhooks/gupshup/{appId}")
    ResponseEntity<Void> receive(@PathVariable String appId,
            @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
            @RequestParam(name = "token", required = false) String queryToken,
            @RequestBody(required = false) byte[] body) {
        if (settings.apps().isEmpty()) {
            throw CallbackRefusedException.notConfigured("followup.callbacks.gupshup.apps.<app_id>.token");
        }
        CallbackSettings.GupshupApp app = settings.apps().get(appId);
        String presented = headerToken != null ? headerToken : queryToken;
        // An unknown app and a wrong token are refused alike, so the answer does not tell which apps exist.
        if (app == null || !Secrets.tokenMatches(app.token(), presented)) {
            throw CallbackRefusedException.unauthenticated("Unknown app, or a missing or wrong token (" + TOKEN_HEADER
                    + " header or token parameter)");
        }
        if (body == null || body.length == 0) {
            return ResponseEntity.ok().build(); // a check that the URL answers, made when the callback is set up
        }
        events.publish(GupshupEventReader.read(appId, CallbackJson.parse(json, body)));
        return ResponseEntity.ok().build();
    }
}
