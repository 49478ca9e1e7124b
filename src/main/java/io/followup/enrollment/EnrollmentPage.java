package io.followup.enrollment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.domain.Page;

/** One page of enrollments, newest first; {@code page} counts from 0 (as the configuration list). */
public record EnrollmentPage(
        List<EnrollmentResponse> items,
        int page,
        int size,
        @JsonProperty("total_elements") long totalElements,
        @JsonProperty("total_pages") int totalPages) {

    static EnrollmentPage from(Page<Enrollment> page) {
        return new EnrollmentPage(page.getContent().stream().map(EnrollmentResponse::from).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
