package io.followup.callbacks;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The secrets the providers' webhooks are checked with. None has a built-in value: an endpoint without its
 * secret refuses every call (503) rather than accept calls nobody can authenticate.
 *
 * @param meta Meta WhatsApp Cloud API webhooks ({@code /webhooks/meta})
 * @param gupshup Gupshup message events ({@code /webhooks/gupshup/{app_id}})
 */
@Validated
@ConfigurationProperties("followup.callbacks")
record CallbackSettings(
        @DefaultValue @NotNull @Valid Meta meta,
        @DefaultValue @NotNull @Valid Gupshup gupshup) {

    /** Shortest secret accepted: a guessable one would let anyone post statuses. */
    static final int MIN_SECRET = 16;

    /**
     * @param verifyToken what Meta's verification request must carry in {@code hub.verify_token}; chosen by you and
     *        typed into the app dashboard with the callback URL
     * @param appSecret the Meta app's secret, the HMAC-SHA256 key of {@code X-Hub-Signature-256}
     */
    record Meta(
            @Size(min = MIN_SECRET, message = "followup.callbacks.meta.verify-token must have at least 16 characters") String verifyToken,
            @Size(min = MIN_SECRET, message = "followup.callbacks.meta.app-secret must have at least 16 characters") String appSecret) {

        boolean canVerify() {
            return verifyToken != null && !verifyToken.isBlank();
        }

        boolean canCheckSignatures() {
            return appSecret != null && !appSecret.isBlank();
        }

        @Override
        public String toString() {
            return "Meta[verifyToken=" + mask(verifyToken) + ", appSecret=" + mask(appSecret) + "]";
        }
    }

    /** @param apps the token each Gupshup app's callbacks carry, keyed by app_id (the app of the official channel) */
    record Gupshup(@DefaultValue Map<String, @Valid GupshupApp> apps) {

        Gupshup {
            apps = apps == null ? Map.of() : Map.copyOf(apps);
        }
    }

    /**
     * @param token sent by Gupshup in the {@code X-Followup-Token} header (a subscription's {@code meta} headers) or
     *        as {@code ?token=} in the callback URL (where the subscription cannot carry headers)
     */
    record GupshupApp(@NotBlank @Size(min = MIN_SECRET, message = "a Gupshup callback token must have at least 16 characters") String token) {

        @Override
        public String toString() {
            return "GupshupApp[token=******]";
        }
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
