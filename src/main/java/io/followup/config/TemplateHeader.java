package io.followup.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The media of a template whose header is an image, a document or a video: WhatsApp takes it by link at send time
 * (Meta's {@code header} component, Gupshup's {@code message} object), so the step names it.
 *
 * @param type which media the template's header holds
 * @param link where the provider fetches it: https only (providers fetch it from the public internet, and a plain
 *        http link would let anyone on the way swap what the lead sees)
 */
@Schema(name = "TemplateHeader", description = "For a template approved with an image, document or video header: the media "
        + "to show, which the provider fetches from link when it sends the message. Needs template_name. A Gupshup template "
        + "with a media header sent without it (or with another type) fails the step, naming the template's type")
public record TemplateHeader(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"image", "document", "video"}, example = "image")
        @NotNull(message = "type is required")
        @Pattern(regexp = "image|document|video", message = "Must be image, document or video")
        String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_LINK,
                example = "https://cdn.example.com/offers/winter.jpg")
        @NotBlank(message = "link is required")
        @Size(max = MAX_LINK, message = "At most " + MAX_LINK + " characters")
        @Pattern(regexp = "https://[^\\s/?#]+[^\\s]*", message = "Must be an https link, such as https://cdn.example.com/offer.jpg")
        String link) {

    /** Enough for any CDN link with a signature in its query; the snapshot repeats it for every lead. */
    public static final int MAX_LINK = 2000;
}
