package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/** A step on the wire, in requests and responses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, pattern = "^[\\s\\S]*\\S[\\s\\S]*$", example = "PT30M",
                description = "ISO 8601 duration (PnW, PnD, PTnHnMnS and combinations such as P1DT12H; no years or months): "
                        + "the wait after the previous send. From PT30M to P365D; at 24 hours or more the step needs template_name")
        @NotBlank(message = "interval is required") @Size(max = 40) String interval,
        @Schema(description = "What the AI message should say; a step needs a prompt or a template_name")
        @Size(max = 4000) String prompt,
        @JsonProperty("template_name")
        @Schema(description = "WhatsApp template name")
        @Size(max = 512)
        @Pattern(regexp = "[a-z0-9_]+", message = "Template names contain only lowercase letters, digits and underscores")
        String templateName,
        @JsonProperty("template_language")
        @Schema(description = "Needs template_name; defaults to pt_BR when a template is given")
        @Pattern(regexp = "[a-z]{2,3}(_[A-Z]{2})?", message = "Must be a WhatsApp language code such as pt_BR, en or en_US")
        String templateLanguage,
        @JsonProperty("template_params")
        @Schema(description = "Template parameters; {{LEAD_FIRSTNAME}} and the like resolve from the lead data. Needs template_name")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Size(max = 20) List<@NotNull(message = "must not be null") @Size(max = 1024) String> templateParams,
        @JsonProperty("template_header")
        @Schema(nullable = true, description = "For a template approved with an image, document or video header: the media "
                + "to show. Needs template_name. Without it, such a template is refused when the step is sent")
        @Valid TemplateHeader templateHeader) {

    Step toStep() {
        boolean hasTemplate = templateName != null;
        return new Step(interval.strip(), blankToNull(prompt), templateName,
                hasTemplate && templateLanguage == null ? FollowupConfigValidator.DEFAULT_TEMPLATE_LANGUAGE : templateLanguage,
                templateParams, templateHeader);
    }

    static StepBody from(Step step) {
        return new StepBody(step.interval(), step.prompt(), step.templateName(), step.templateLanguage(), step.templateParams(),
                step.templateHeader());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
