package io.followup.enrollment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A lead who opted out of a channel: nothing more is sent to them there until the opt-out is deleted. */
public record OptOutResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("channel_id") String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("lead_id") String leadId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {LeadOptOuts.STOP_KEYWORD, LeadOptOuts.META_131050,
                LeadOptOuts.GUPSHUP_1012, LeadOptOuts.LEAD_OPTED_OUT_EVENT},
                description = "What opted the lead out: a stop keyword in an inbound message, Meta error 131050, Gupshup error "
                        + "1012, or a lead.opted_out event") String source,
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OptOutRecords.MAX_DETAIL,
                description = "The provider's words or the event that did it") String detail,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("opted_out_at") Instant optedOutAt) {

    static OptOutResponse from(OptOutRecords.OptOut optOut) {
        return new OptOutResponse(optOut.channelId(), optOut.leadId(), optOut.source(), optOut.detail(), optOut.optedOutAt());
    }
}
