package io.followup.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where follow-up steps go: the assistant service for AI steps, Gupshup or Meta Cloud API for templates.
 * A template step goes through Meta when {@code meta.channels} lists its channel_id, otherwise through
 * Gupshup by its app_id ({@link #templateChannel}); that is decided when the lead is enrolled and kept in the
 * step's snapshot, so a later change of these settings does not move a running enrollment to another provider.
 *
 * @param connectTimeout time allowed to open a connection to the assistant service or a provider
 * @param readTimeout time allowed for the answer once a request is sent; past it the send is retried
 * @param assistant the assistant service that turns AI steps into messages
 * @param gupshup Gupshup WhatsApp API, for channels identified by a Gupshup app ID
 * @param meta Meta WhatsApp Cloud API, for the channels listed under {@code meta.channels}
 * @param maxConcurrentPerProvider most sends in flight at once to one provider (the assistant service,
 *        Gupshup, Meta) on this instance; a step finding its provider full is put back for a moment
 *        without using an attempt, so a provider that hangs cannot hold every worker. Sized for real latency: 768
 *        in flight is about 380 sends/s to an assistant answering in 2 s, and a hung provider holds 768 of the
 *        1024 job workers ({@code followup.jobs.concurrency}), leaving the rest to the other providers
 */
@Validated
@ConfigurationProperties("followup.delivery")
record DeliverySettings(
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout,
        @DefaultValue @NotNull @Valid Assistant assistant,
        @DefaultValue @NotNull @Valid Gupshup gupshup,
        @DefaultValue @NotNull @Valid Meta meta,
        @DefaultValue("768") @Min(1) int maxConcurrentPerProvider) {

    /** Meta when {@code meta.channels} lists the channel, otherwise Gupshup by the channel's app_id. */
    public DeliveryChannel templateChannel(String channelId) {
        return channelId != null && meta.channels().containsKey(channelId)
                ? DeliveryChannel.WHATSAPP_META : DeliveryChannel.WHATSAPP_GUPSHUP;
    }

    /**
     * The assistant service endpoint. Both are required and have no built-in value, so that a deployment
     * can neither post AI steps to a development address nor sign them with a key anyone can read here;
     * only the local run ({@code ./mvnw spring-boot:test-run}) fills them in.
     *
     * @param url endpoint that receives AI steps as signed JSON POSTs
     * @param secret HMAC-SHA256 key of the {@code X-Followup-Signature} header, shared with the assistant service
     */
    public record Assistant(
            @NotNull(message = "followup.delivery.assistant.url (FOLLOWUP_DELIVERY_ASSISTANT_URL) must be set: "
                    + "the assistant service endpoint that receives AI steps") URI url,
            @NotBlank(message = "followup.delivery.assistant.secret (FOLLOWUP_DELIVERY_ASSISTANT_SECRET) must be set: "
                    + "the HMAC key shared with the assistant service, e.g. `openssl rand -hex 32`") String secret) {

        @Override
        public String toString() {
            return "Assistant[url=" + url + ", secret=******]";
        }
    }

    /**
     * Gupshup WhatsApp API.
     *
     * @param baseUrl API root; messages go to {@code {base-url}/wa/api/v1/template/msg}
     * @param apps credentials and sender of each Gupshup app, keyed by app_id
     * @param templateCacheTtl how long an app's template list (name + language -> template ID) is reused
     */
    public record Gupshup(
            @DefaultValue("https://api.gupshup.io") @NotNull URI baseUrl,
            @DefaultValue Map<String, @Valid GupshupApp> apps,
            @DefaultValue("10m") @NotNull Duration templateCacheTtl) {

        public Gupshup {
            apps = apps == null ? Map.of() : Map.copyOf(apps);
        }
    }

    /**
     * One Gupshup app.
     *
     * @param apiKey the account's API key, sent in the {@code apikey} header
     * @param source the app's registered WhatsApp number, digits with country code
     * @param appName the app's name in Gupshup, sent as {@code src.name}
     */
    public record GupshupApp(@NotBlank String apiKey, @NotBlank String source, @NotBlank String appName) {

        @Override
        public String toString() {
            return "GupshupApp[apiKey=******, source=" + source + ", appName=" + appName + "]";
        }
    }

    /**
     * Meta WhatsApp Cloud API.
     *
     * @param baseUrl Graph API root without a version; messages go to {@code {base-url}/{api-version}/{phone-number-id}/messages}
     * @param apiVersion Graph API version, e.g. {@code v25.0}: Meta serves each version about two years (v21.0 ends
     *        2027-01-21), so it is a setting of its own, logged at start, and moved with a restart
     * @param accessToken system user access token, sent as a bearer token; required once a channel is listed
     * @param channels the channels sent through Meta, keyed by channel_id
     * @param channelFaultWait how long a step waits, without using an attempt, when Meta says the channel itself is
     *        broken (error codes 190, 0, 10, 131031, 368: token, permission, account)
     */
    public record Meta(
            @DefaultValue("https://graph.facebook.com") @NotNull URI baseUrl,
            @DefaultValue(DEFAULT_API_VERSION) @NotNull @Pattern(regexp = "v[0-9]{1,3}\\.[0-9]",
                    message = "followup.delivery.meta.api-version must look like v25.0") String apiVersion,
            String accessToken,
            @DefaultValue Map<String, @Valid MetaChannel> channels,
            @DefaultValue("10m") @NotNull Duration channelFaultWait) {

        /** A current Graph API version (released 2026-02-18). */
        public static final String DEFAULT_API_VERSION = "v25.0";

        public Meta {
            channels = channels == null ? Map.of() : Map.copyOf(channels);
        }

        /** A base URL that still names a version (the old form of this setting) would put two versions in the path. */
        @AssertTrue(message = "followup.delivery.meta.base-url must not contain the Graph API version; "
                + "set followup.delivery.meta.api-version (FOLLOWUP_DELIVERY_META_API_VERSION) instead")
        boolean isBaseUrlWithoutVersion() {
            return baseUrl == null || !baseUrl.getPath().matches(".*/v[0-9]+(\\.[0-9]+)?/?");
        }

        @Override
        public String toString() {
            return "Meta[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", accessToken=******, channels=" + channels + "]";
        }
    }

    /**
     * One channel on Meta Cloud API.
     *
     * @param phoneNumberId the WhatsApp Business phone number ID the channel sends from
     */
    public record MetaChannel(@NotBlank String phoneNumberId) {
    }
}
