package io.followup.delivery;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many template sends per second each sender number may make, counted by all instances together
 * ({@link SendRate}). Meta's Cloud API "supports up to 80 messages per second (mps) by default" per business
 * phone number and answers 130429 beyond it (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput);
 * Gupshup publishes no per-number figure of its own and sends through the same WhatsApp Business Platform, so
 * the one default serves both. A number Meta upgraded (up to 1,000 mps) or a coexistence number (fixed 20 mps)
 * gets its own entry in {@code numbers}.
 *
 * @param enabled whether template sends are limited per sender number at all
 * @param defaultPerSecond sends per second of a number without an entry in {@code numbers}
 * @param numbers sends per second of particular numbers, keyed by Meta phone_number_id or Gupshup source number
 */
@Validated
@ConfigurationProperties("followup.delivery.send-rate")
record SendRateSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("80") @Min(1) @Max(MAX_PER_SECOND) int defaultPerSecond,
        @DefaultValue Map<String, @NotNull @Min(1) @Max(MAX_PER_SECOND) Integer> numbers) {

    /** Well above Meta's highest tier (1,000 mps): a larger value is a typo, not a plan. */
    static final int MAX_PER_SECOND = 10_000;

    SendRateSettings {
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
    }

    /** The sends per second allowed to {@code number}. */
    int perSecond(String number) {
        return numbers.getOrDefault(number, defaultPerSecond);
    }
}
