package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a follow-up sequence as stored: the wait before it and what to send. A step
 * sends an AI message from {@code prompt}, a WhatsApp template, or both where the channel allows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
        String interval,
        String prompt,
        @JsonProperty("template_name") String templateName,
        @JsonProperty("template_language") String templateLanguage,
        @JsonProperty("template_params") List<String> templateParams) {

    public Step {
        templateParams = templateParams == null ? List.of() : List.copyOf(templateParams);
    }
}
