package io.followup.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.followup.config.OfficialChannelSteps;
import io.followup.config.SequenceSnapshot;
import io.followup.config.Step;
import io.followup.config.TemplateHeader;
import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.StepDelivery;
import io.followup.delivery.StepSenders;
import org.springframework.stereotype.Component;

/**
 * Turns a configured sequence into an enrollment's step snapshots, naming each step's channel once, and a
 * stored step back into the delivery its channel's sender takes.
 */
@Component
class StepPlanner {

    private final StepSenders senders;

    StepPlanner(StepSenders senders) {
        this.senders = senders;
    }

    /** The lead's sequence: the AI steps, then the steps of the official channel the lead is on, if any. */
    List<EnrollmentStep> plan(SequenceSnapshot sequence, String channelId) {
        Optional<OfficialChannelSteps> official = sequence.officialSteps().stream()
                .filter(channel -> channel.channelId().equals(channelId)).findFirst();
        String appId = official.map(OfficialChannelSteps::appId).orElse(null);
        List<EnrollmentStep> steps = new ArrayList<>();
        for (Step step : sequence.steps()) {
            steps.add(planned(steps.size() + 1, "steps", step, appId, channelId));
        }
        official.ifPresent(channel -> channel.steps()
                .forEach(step -> steps.add(planned(steps.size() + 1, "official_steps", step, appId, channelId))));
        return steps;
    }

    /**
     * The step's channel as decided at enrollment; a snapshot stored before steps named their channel gets it
     * derived the same way here. Empty when no channel can send it (a template for a lead on no official channel).
     */
    Optional<DeliveryChannel> channelOf(EnrollmentStep step, String channelId) {
        return step.channel() != null ? Optional.of(step.channel())
                : decide(step.templateName(), step.prompt(), step.appId(), channelId);
    }

    StepDelivery delivery(StepRows.Due due, DeliveryChannel channel) {
        EnrollmentStep step = due.step();
        return new StepDelivery(channel, StepDelivery.idempotencyKey(due.enrollmentId(), step.number()),
                due.enrollmentId(), step.number(),
                new StepDelivery.Recipient(due.tenantId(), due.assistantId(), due.leadId(), due.channelId(), step.appId(),
                        due.lead()),
                new StepDelivery.Content(step.prompt(), step.templateName(), step.templateLanguage(), step.templateParams(),
                        step.templateHeader()));
    }

    private EnrollmentStep planned(int number, String source, Step step, String appId, String channelId) {
        DeliveryChannel channel = decide(step.templateName(), step.prompt(), appId, channelId).orElse(null);
        return EnrollmentStep.planned(number, source, step.interval(), step.prompt(), step.templateName(),
                step.templateLanguage(), step.templateParams(), appId, channel, header(step.templateHeader()));
    }

    private static StepDelivery.MediaHeader header(TemplateHeader header) {
        return header == null ? null : new StepDelivery.MediaHeader(header.type(), header.link());
    }

    /** A template where the lead is on an official channel, else the assistant's message from the prompt. */
    private Optional<DeliveryChannel> decide(String templateName, String prompt, String appId, String channelId) {
        if (templateName != null && appId != null) {
            return Optional.of(senders.templateChannel(channelId));
        }
        return prompt != null ? Optional.of(DeliveryChannel.ASSISTANT) : Optional.empty();
    }
}
