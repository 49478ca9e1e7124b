package io.followup.enrollment;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a provider's status callback says a message failed for a reason that is not the lead's ({@link StepResend}).
 *
 * @param max most re-sends of one step after throttling or the recipient's marketing cap; the next such failure fails
 *        the step for good. Channel faults do not count: like a send the channel refuses, the step waits until it is fixed
 * @param backoffInitial the wait before the first re-send after throttling (Meta 130429, 131056, ...)
 * @param backoffMultiplier how much longer each further wait after throttling is
 * @param backoffMax the longest wait after throttling
 * @param channelFaultWait the wait when the account or channel is at fault (Gupshup 1003 wallet balance low, 4001;
 *        Meta 190, 0, 10, 131031, 368), as {@code followup.delivery.meta.channel-fault-wait} is for a refused send
 * @param recipientLimitWait the wait after Meta 131049 (the recipient's marketing cap), which Meta says is at least 24 hours
 */
@Validated
@ConfigurationProperties("followup.delivery.resend")
record ResendSettings(
        @DefaultValue("5") @Min(0) int max,
        @DefaultValue("1m") @NotNull Duration backoffInitial,
        @DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,
        @DefaultValue("30m") @NotNull Duration backoffMax,
        @DefaultValue("10m") @NotNull Duration channelFaultWait,
        @DefaultValue("24h") @NotNull Duration recipientLimitWait) {
}
