package io.followup.callbacks;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's WhatsApp webhooks. Meta calls them, not API clients, with bodies of Meta's design, so they are described in
 * the README rather than in the OpenAPI document. Verification and signatures as Meta documents them
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started): the GET echoes {@code hub.challenge} when
 * {@code hub.verify_token} is ours; every POST is signed in {@code X-Hub-Signature-256} with the app secret.
 */
@Hidden
@RestController
@RequestMapping("/webhooks/meta")
class MetaWebhookController {

    static final String SIGNATURE = "X-Hub-Signature-256";
    private static final int MAX_CHALLENGE = 200;

    private final CallbackSettings.Meta settings;
    private final MetaWebhookReader reader;
    private final ProviderEvents events;
    private final JsonMapper json;

    MetaWebhookController(CallbackSettings settings, MetaWebhookReader reader, ProviderEvents events, JsonMapper json) {
        this.settings = settings.meta();
        this.reader = reader;
        this.events = events;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!settings.canVerify()) {
            throw CallbackRefusedException.notConfigured("followup.callbacks.meta.verify-token (FOLLOWUP_CALLBACKS_META_VERIFY_TOKEN)");
        }
        if (!"subscribe".equals(mode) || !Secrets.tokenMatches(settings.verifyToken(), token)) {
            throw CallbackRefusedException.forbidden("hub.mode must be subscribe and hub.verify_token the configured verify token");
        }
        if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE) {
            throw CallbackRefusedException.badRequest("hub.challenge is missing or longer than " + MAX_CHALLENGE + " characters",
                    "hub.challenge");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    ResponseEntity<Void> receive(@RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (!settings.canCheckSignatures()) {
            throw CallbackRefusedException.notConfigured("followup.callbacks.meta.app-secret (FOLLOWUP_CALLBACKS_META_APP_SECRET)");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!Secrets.signatureMatches(settings.appSecret(), raw, signature)) {
            throw CallbackRefusedException.unauthenticated(signature == null ? "Missing " + SIGNATURE + " header"
                    : SIGNATURE + " does not match the body signed with the app secret");
        }
        events.publish(reader.read(CallbackJson.parse(json, raw)));
        return ResponseEntity.ok().build();
    }
}
