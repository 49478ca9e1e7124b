package io.followup.config;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.followup.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One test per validation rule of the seed ("Validations") and of DESIGN's decisions. */
class FollowupConfigValidatorTests {

    private static final List<UUID> TRIGGERS = List.of(UUID.randomUUID());

    @Test
    void seedExampleIsValid() {
        assertThatCode(() -> FollowupConfigValidator.validate(TRIGGERS,
                List.of(ai("PT30M"), ai("PT2H")),
                List.of(channel("c1", template("P1D")))))
                .doesNotThrowAnyException();
    }

    @Test
    void atLeastOneStepInStepsOrOfficialSteps() {
        assertThat(errors(TRIGGERS, List.of(), List.of()))
                .containsEntry("steps", "At least one step is required (in steps or official_steps)");
        assertThatCode(() -> FollowupConfigValidator.validate(TRIGGERS, List.of(), List.of(channel("c1", template("P1D")))))
                .doesNotThrowAnyException();
    }

    @Test
    void maximumThreeStepsPerConfigurationCountingOfficialSteps() {
        assertThat(errors(TRIGGERS, List.of(ai("PT30M"), ai("PT1H")), List.of(channel("c1", template("P1D"), template("P2D")))))
                .containsEntry("steps", "Maximum 3 steps per configuration (steps and official_steps together); got 4");
        assertThat(errors(TRIGGERS, List.of(ai("PT30M"), ai("PT1H"), ai("PT2H"), ai("PT3H")), List.of()))
                .containsKey("steps");
        assertThat(errors(TRIGGERS, List.of(ai("PT30M")), List.of(channel("c1", template("P1D")), channel("c2", template("P1D"), template("P2D")))))
                .containsKey("steps");
    }

    @Test
    void minimumIntervalIsThirtyMinutes() {
        assertThat(errors(TRIGGERS, List.of(ai("PT29M")), List.of()))
                .containsEntry("steps[0].interval", "Minimum interval is 30 minutes (PT30M)");
        assertThat(errors(TRIGGERS, List.of(), List.of(channel("c1", new Step("PT1799S", null, "t", "en", null)))))
                .containsEntry("official_steps[0].steps[0].interval", "Minimum interval is 30 minutes (PT30M)");
        assertThatCode(() -> FollowupConfigValidator.validate(TRIGGERS, List.of(ai("PT30M")), List.of())).doesNotThrowAnyException();
    }

    @Test
    void intervalMustBePositive() {
        assertThat(errors(TRIGGERS, List.of(ai("PT-30M")), List.of())).containsEntry("steps[0].interval", "Interval must be positive");
        assertThat(errors(TRIGGERS, List.of(ai("PT0S")), List.of())).containsEntry("steps[0].interval", "Interval must be positive");
    }

    @Test
    void intervalMustBeAnIsoDurationWithoutYearsOrMonths() {
        assertThat(errors(TRIGGERS, List.of(ai("30 minutes")), List.of())).containsKey("steps[0].interval");
        assertThat(errors(TRIGGERS, List.of(ai("P1M")), List.of())).containsKey("steps[0].interval");
    }

    @Test
    void intervalHasAnUpperBound() {
        assertThat(errors(TRIGGERS, List.of(new Step("P366D", null, "t", "en", null)), List.of()))
                .containsEntry("steps[0].interval", "Maximum interval is 365 days (P365D)");
    }

    @Test
    void templateNameRequiredFromTwentyFourHours() {
        assertThat(errors(TRIGGERS, List.of(ai("PT24H")), List.of())).containsKey("steps[0].template_name");
        assertThat(errors(TRIGGERS, List.of(ai("P1D")), List.of())).containsKey("steps[0].template_name");
        assertThat(errors(TRIGGERS, List.of(ai("P1W")), List.of())).containsKey("steps[0].template_name");
        assertThatCode(() -> FollowupConfigValidator.validate(TRIGGERS, List.of(ai("PT23H59M")), List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> FollowupConfigValidator.validate(TRIGGERS, List.of(template("PT24H")), List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void everyStepNeedsAPromptOrATemplate() {
        assertThat(errors(TRIGGERS, List.of(new Step("PT1H", null, null, null, null)), List.of()))
                .containsEntry("steps[0].prompt", "Each step needs a prompt or a template_name");
    }

    @Test
    void templateLanguageOrParamsNeedATemplateName() {
        assertThat(errors(TRIGGERS, List.of(new Step("PT1H", "hi", null, "en", null)), List.of()))
                .containsKey("steps[0].template_name");
        assertThat(errors(TRIGGERS, List.of(new Step("PT1H", "hi", null, null, List.of("x"))), List.of()))
                .containsKey("steps[0].template_name");
    }

    @Test
    void noDuplicateChannelIdInOfficialSteps() {
        assertThat(errors(TRIGGERS, List.of(), List.of(channel("c1", template("P1D")), channel("c1", template("P2D")))))
                .containsEntry("official_steps[1].channel_id",
                        "Duplicate channel_id 'c1': each channel appears once in official_steps");
    }

    @Test
    void triggerStatusIdsAtLeastOneAndDistinct() {
        assertThat(errors(List.of(), List.of(ai("PT1H")), List.of()))
                .containsEntry("trigger_status_ids", "At least one trigger status ID is required");
        UUID status = UUID.randomUUID();
        assertThat(errors(List.of(status, status), List.of(ai("PT1H")), List.of()))
                .containsEntry("trigger_status_ids", "Trigger status IDs must not repeat");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        Map<String, String> errors = errors(List.of(), List.of(ai("PT1M"), new Step("P1M", null, null, null, null)), List.of());
        assertThat(errors).containsKeys("trigger_status_ids", "steps[0].interval", "steps[1].interval", "steps[1].prompt");
    }

    private static Map<String, String> errors(List<UUID> triggers, List<Step> steps, List<OfficialChannelSteps> official) {
        InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
                () -> FollowupConfigValidator.validate(triggers, steps, official));
        assertThat(ex).as("expected a validation failure").isNotNull();
        return ex.details();
    }

    private static Step ai(String interval) {
        return new Step(interval, "Say hello", null, null, null);
    }

    private static Step template(String interval) {
        return new Step(interval, null, "reengagement_v1", "en", List.of("{{LEAD_FIRSTNAME}}"));
    }

    private static OfficialChannelSteps channel(String id, Step... steps) {
        return new OfficialChannelSteps(id, "WhatsApp Business", "app", List.of(steps));
    }
}
