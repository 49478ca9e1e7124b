package io.followup.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry of senders, one per {@link DeliveryChannel}, the way job handlers are found by kind: a new
 * channel is a new {@link StepChannelSender} bean. Every send passes the per-provider cap on sends in flight, and
 * a template send the send rate of its sender number ({@link SendRate}).
 */
@Component
public class StepSenders {

    private static final Logger log = LoggerFactory.getLogger(StepSenders.class);

    private final Map<DeliveryChannel, StepChannelSender> senders = new EnumMap<>(DeliveryChannel.class);
    private final DeliverySettings settings;
    private final ProviderBulkhead bulkhead;
    private final ChannelFaults faults;
    private final SendRate sendRate;

    StepSenders(List<StepChannelSender> senders, DeliverySettings settings, SendRate sendRate, ChannelFaults faults) {
        for (StepChannelSender sender : senders) {
            StepChannelSender previous = this.senders.putIfAbsent(sender.channel(), sender);
            if (previous != null) {
                throw new IllegalStateException("Two senders for channel " + sender.channel() + ": "
                        + previous.getClass().getName() + " and " + sender.getClass().getName());
            }
        }
        this.settings = settings;
        this.bulkhead = new ProviderBulkhead(settings.maxConcurrentPerProvider());
        this.faults = faults;
        this.sendRate = sendRate;
    }

    /**
     * Sends the step through its channel's sender.
     *
     * @return the provider's message ID, if it gave one
     * @throws DeliveryException when the send failed, including a placeholder with no value (permanent)
     */
    public String send(StepDelivery delivery) {
        StepChannelSender sender = senders.get(delivery.channel());
        if (sender == null) {
            throw DeliveryException.permanent("No sender for channel " + delivery.channel().wire());
        }
        String messageId;
        try {
            messageId = bulkhead.call(delivery.channel().provider(), () -> {
                sender.sender(delivery).ifPresent(sendRate::acquire);
                return sender.send(delivery);
            });
        }
        catch (DeliveryException ex) {
            if (ex.isChannelFault()) {
                faults.faulty(delivery, ex);
            }
            throw ex;
        }
        faults.sent(delivery);
        log.debug("Step {} of enrollment {} sent through {}", delivery.stepNumber(), delivery.enrollmentId(),
                delivery.channel().provider());
        return messageId;
    }

    /** Whether the provider last said this channel itself is broken ({@code <channel>:<channel_id>}). */
    boolean isFaulty(String channelKey) {
        return faults.isFaulty(channelKey);
    }

    /** The channel a WhatsApp template for this official channel goes through. */
    public DeliveryChannel templateChannel(String channelId) {
        return settings.templateChannel(channelId);
    }
}
