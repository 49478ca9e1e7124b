package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A step on the wire, in requests and responses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepBody(
        @NotBlank(message = "interval is required") @Size(max = 40) String interval,
        @Size(max = 4000) String prompt,
        @JsonProperty("template_name")
        @Size(max = 512)
        @Pattern(regexp = "[a-z0-9_]+", message = "Template names contain only lowercase letters, digits and underscores")
        String templateName,
        @JsonProperty("template_language")
        @Pattern(regexp = "[a-z]{2,3}(_[A-Z]{2})?", message = "Must be a WhatsApp language code such as pt_BR, en or en_US")
        String templateLanguage,
        @JsonProperty("template_params")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Size(max = 20) List<@NotNull(message = "must not be null") @Size(max = 1024) String> templateParams) {

    Step toStep() {
        boolean hasTemplate = templateName != null;
        return new Step(interval.strip(), blankToNull(prompt), templateName,
                hasTemplate && templateLanguage == null ? FollowupConfigValidator.DEFAULT_TEMPLATE_LANGUAGE : templateLanguage,
                templateParams);
    }

    static StepBody from(Step step) {
        return new StepBody(step.interval(), step.prompt(), step.templateName(), step.templateLanguage(), step.templateParams());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
