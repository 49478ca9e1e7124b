package io.followup.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.followup.web.FieldErrors;

/**
 * The seed's cross-field rules, applied to a whole configuration so that create and partial update
 * judge the same result. Every broken rule is reported at once, keyed by the JSON path of its field.
 */
final class FollowupConfigValidator {

    static final String DEFAULT_TEMPLATE_LANGUAGE = "pt_BR";
    static final int MAX_STEPS = 3;

    private FollowupConfigValidator() {
    }

    static void validate(List<UUID> triggerStatusIds, List<Step> steps, List<OfficialChannelSteps> officialSteps) {
        FieldErrors errors = new FieldErrors();
        checkTriggers(triggerStatusIds, errors);
        checkStepCount(steps, officialSteps, errors);
        for (int i = 0; i < steps.size(); i++) {
            checkStep("steps[" + i + "]", steps.get(i), errors);
        }
        Set<String> channels = new HashSet<>();
        for (int c = 0; c < officialSteps.size(); c++) {
            OfficialChannelSteps channel = officialSteps.get(c);
            String path = "official_steps[" + c + "]";
            if (!channels.add(channel.channelId())) {
                errors.add(path + ".channel_id", "Duplicate channel_id '" + channel.channelId() + "': each channel appears once in official_steps");
            }
            for (int i = 0; i < channel.steps().size(); i++) {
                checkStep(path + ".steps[" + i + "]", channel.steps().get(i), errors);
            }
        }
        errors.throwIfAny();
    }

    private static void checkTriggers(List<UUID> triggerStatusIds, FieldErrors errors) {
        if (triggerStatusIds.isEmpty()) {
            errors.add("trigger_status_ids", "At least one trigger status ID is required");
        }
        else if (new HashSet<>(triggerStatusIds).size() != triggerStatusIds.size()) {
            errors.add("trigger_status_ids", "Trigger status IDs must not repeat");
        }
    }

    private static void checkStepCount(List<Step> steps, List<OfficialChannelSteps> officialSteps, FieldErrors errors) {
        int total = steps.size() + officialSteps.stream().mapToInt(channel -> channel.steps().size()).sum();
        if (total == 0) {
            errors.add("steps", "At least one step is required (in steps or official_steps)");
        }
        else if (total > MAX_STEPS) {
            errors.add("steps", "Maximum " + MAX_STEPS + " steps per configuration (steps and official_steps together); got " + total);
        }
    }

    private static void checkStep(String path, Step step, FieldErrors errors) {
        if (step.prompt() == null && step.templateName() == null) {
            errors.add(path + ".prompt", "Each step needs a prompt or a template_name");
        }
        if (step.templateName() == null && (step.templateLanguage() != null || !step.templateParams().isEmpty())) {
            errors.add(path + ".template_name", "template_name is required when template_language or template_params is given");
        }
        if (step.templateName() == null && step.templateHeader() != null) {
            errors.add(path + ".template_header", "template_header needs template_name: only a template has a media header");
        }
        Duration interval;
        try {
            interval = StepInterval.parse(step.interval());
        }
        catch (StepInterval.InvalidInterval ex) {
            errors.add(path + ".interval", ex.getMessage());
            return;
        }
        if (interval.isNegative() || interval.isZero()) {
            errors.add(path + ".interval", "Interval must be positive");
        }
        else if (interval.compareTo(StepInterval.MINIMUM) < 0) {
            errors.add(path + ".interval", "Minimum interval is 30 minutes (PT30M)");
        }
        else if (interval.compareTo(StepInterval.MAXIMUM) > 0) {
            errors.add(path + ".interval", "Maximum interval is 365 days (P365D)");
        }
        else if (interval.compareTo(StepInterval.TEMPLATE_REQUIRED_FROM) >= 0 && step.templateName() == null) {
            errors.add(path + ".template_name", "template_name is required when the interval is 24 hours or more (the WhatsApp 24-hour window has closed)");
        }
    }
}
