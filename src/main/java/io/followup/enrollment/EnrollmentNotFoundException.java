package io.followup.enrollment;

import java.util.Map;
import java.util.UUID;

import io.followup.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no enrollment of the caller's tenant has this ID. */
final class EnrollmentNotFoundException extends ApiException {

    private EnrollmentNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message, Map.of());
    }

    static EnrollmentNotFoundException byId(UUID id) {
        return new EnrollmentNotFoundException("Enrollment " + id + " not found");
    }
}
