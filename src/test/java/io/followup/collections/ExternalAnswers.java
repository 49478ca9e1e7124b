package io.followup.collections;

import io.followup.support.ApiResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer of the external surface is, whatever the request: checks shared by the tests that send many. */
final class ExternalAnswers {

    private ExternalAnswers() {
    }

    /** The body of {@code response}, once checked that it has {@code status} and is a JSON object; {@code where} names the request. */
    static JsonNode jsonObject(String where, ApiResponse response, int status) {
        assertThat(response.status()).as(where).isEqualTo(status);
        assertThat(response.contentType()).as(where + " / Content-Type").isNotNull();
        assertThat(MediaType.parseMediaType(response.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                .as(where + " / Content-Type is application/json").isTrue();
        JsonNode body = response.json();
        assertThat(body).as(where + " / JSON body").isNotNull();
        assertThat(body.isObject()).as(where + " / body is an object").isTrue();
        return body;
    }
}
