package io.followup.ids;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Public ID encryption.
 *
 * @param key base64 of 64 random bytes (an AES-256-SIV key), e.g. {@code openssl rand -base64 64}.
 *        Required: the service does not start without it. Changing it changes every public ID.
 */
@Validated
@ConfigurationProperties("followup.ids")
record IdSettings(
        @NotBlank(message = "followup.ids.key (FOLLOWUP_IDS_KEY) must be set: base64 of 64 random bytes, e.g. `openssl rand -base64 64`")
        String key) {
}
