package io.followup.enrollment;

import java.util.Map;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: the lead has no opt-out on this channel (in the caller's tenant). */
final class OptOutNotFoundException extends ApiException {

    private OptOutNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message, Map.of());
    }

    /** The path's values are not repeated: they are the caller's text, of any length. */
    static OptOutNotFoundException of(String channelId, String leadId) {
        return new OptOutNotFoundException("The lead has no opt-out on this channel");
    }
}
