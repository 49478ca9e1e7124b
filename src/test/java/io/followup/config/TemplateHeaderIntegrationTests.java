package io.followup.config;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.followup.support.ApiResponse;
import io.followup.support.IntegrationTest;
import io.followup.support.StubServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A template step's {@code template_header} (image, document or video by https link): validated and echoed by the
 * configuration API, snapshotted into the enrollment, and sent as Meta's header component when the step goes out.
 */
class TemplateHeaderIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEND = "/meta/v25.0/1065/messages";
    private static final String STEP = "official_steps[0].steps[0]";

    private final WireMockServer stub = StubServers.assistant();
    private final UUID tenant = UUID.randomUUID();
    private final UUID trigger = UUID.randomUUID();

    @Test
    void aHeaderIsEchoedSnapshottedAndSentAsMetasHeaderComponent() {
        UUID assistant = UUID.randomUUID();
        stub.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.media\"}]}")));
        ApiResponse created = create(assistant, """
                "template_name": "winter_offer", "template_language": "en",
                "template_header": {"type": "image", "link": "https://cdn.example.com/winter.jpg?sig=a1"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/official_steps/0/steps/0/template_header"))
                .isEqualTo(JSON.readTree("{\"type\":\"image\",\"link\":\"https://cdn.example.com/winter.jpg?sig=a1\"}"));

        String phone = "+55119" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String lead = "lead-" + UUID.randomUUID();
        ApiResponse event = api.request("POST", "/backend/followup/events").token(tokens.backend(tenant)).json("""
                {"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "%s", "lead_id": "%s",
                 "channel_id": "%s", "status_id": "%s", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "%s"}}
                """.formatted(lead, assistant, lead, META_CHANNEL, trigger, clock.instant(), phone)).send();
        assertThat(event.status()).isLessThan(300);
        ApiResponse enrollment = api.request("GET", "/backend/followup/enrollments/" + event.json().path("enrollment_id").asString())
                .token(tokens.backend(tenant)).send();
        assertThat(enrollment.json().at("/steps/0/template_header")).as(enrollment.body())
                .isEqualTo(JSON.readTree("{\"type\":\"image\",\"link\":\"https://cdn.example.com/winter.jpg?sig=a1\"}"));
        clock.advance(Duration.ofMinutes(30));

        String to = phone.substring(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(to) != null);
        assertThat(JSON.readTree(sentTo(to).getBodyAsString()).at("/template/components")).isEqualTo(JSON.readTree("""
                [{"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/winter.jpg?sig=a1"}}]}]"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aBadHeaderIsA400NamingItsField(String name, String step, String field, String message) {
        ApiResponse refused = create(UUID.randomUUID(), step);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").path(STEP + field).asString()).as(refused.body()).contains(message);
    }

    static Stream<Arguments> aBadHeaderIsA400NamingItsField() {
        String template = "\"template_name\": \"winter_offer\", ";
        return Stream.of(
                arguments("an audio header", template + "\"template_header\": {\"type\": \"audio\", \"link\": \"https://cdn.example.com/a.mp3\"}",
                        ".template_header.type", "Must be image, document or video"),
                arguments("no type", template + "\"template_header\": {\"link\": \"https://cdn.example.com/a.jpg\"}",
                        ".template_header.type", "type is required"),
                arguments("a plain http link", template + "\"template_header\": {\"type\": \"image\", \"link\": \"http://cdn.example.com/a.jpg\"}",
                        ".template_header.link", "Must be an https link"),
                arguments("a link with spaces", template + "\"template_header\": {\"type\": \"image\", \"link\": \"https://cdn.example.com/a b.jpg\"}",
                        ".template_header.link", "Must be an https link"),
                arguments("no link", template + "\"template_header\": {\"type\": \"video\"}",
                        ".template_header.link", "link is required"),
                arguments("a link too long", template + "\"template_header\": {\"type\": \"image\", \"link\": \"https://cdn.example.com/"
                        + "a".repeat(TemplateHeader.MAX_LINK) + "\"}", ".template_header.link", "2000"),
                arguments("a header without a template", "\"prompt\": \"hi\", \"template_header\": {\"type\": \"image\", "
                        + "\"link\": \"https://cdn.example.com/a.jpg\"}", ".template_header", "template_header needs template_name"));
    }

    private ApiResponse create(UUID assistant, String step) {
        return api.request("POST", "/backend/followup/configs").token(tokens.backend(tenant)).json("""
                {"assistant_id": "%s", "trigger_status_ids": ["%s"],
                 "official_steps": [{"channel_id": "%s", "channel_name": "WhatsApp Business", "app_id": "meta-app",
                   "steps": [{"interval": "PT30M", %s}]}]}
                """.formatted(assistant, trigger, META_CHANNEL, step)).send();
    }

    private LoggedRequest sentTo(String to) {
        return stub.findAll(postRequestedFor(urlEqualTo(SEND))).stream()
                .filter(request -> to.equals(JSON.readTree(request.getBodyAsString()).path("to").asString()))
                .findFirst().orElse(null);
    }
}
