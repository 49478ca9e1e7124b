package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a follow-up sequence as stored: the wait before it and what to send. A step
 * sends an AI message from {@code prompt}, a WhatsApp template, or both where the channel allows.
 *
 * @param templateHeader the media of a template with an image, document or video header, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
        String interval,
        String prompt,
        @JsonProperty("template_name") String templateName,
        @JsonProperty("template_language") String templateLanguage,
        @JsonProperty("template_params") List<String> templateParams,
        @JsonProperty("template_header") TemplateHeader templateHeader) {

    public Step {
        templateParams = templateParams == null ? List.of() : List.copyOf(templateParams);
    }

    /** A step without a media header, as every step was before template_header. */
    public Step(String interval, String prompt, String templateName, String templateLanguage, List<String> templateParams) {
        this(interval, prompt, templateName, templateLanguage, templateParams, null);
    }
}
