package io.followup.apiclients;

import java.util.Map;

import io.followup.web.InvalidRequestException;

/** 400: a field of an API client, or of a request about one, is not acceptable; keyed by the field's JSON name. */
public final class InvalidApiClientException extends InvalidRequestException {

    InvalidApiClientException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
