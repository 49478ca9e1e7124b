package io.followup.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The steps sent only to leads of one official WhatsApp channel (Meta Cloud API / Gupshup). */
public record OfficialChannelSteps(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("channel_name") String channelName,
        @JsonProperty("app_id") String appId,
        List<Step> steps) {

    public OfficialChannelSteps {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
