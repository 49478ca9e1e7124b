package io.followup.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The error page answers what the container forwarded to it, and is a 404 when called directly. */
class ApiErrorControllerTests {

    private final ApiErrorController controller = new ApiErrorController();

    @Test
    void forwardedContainerErrorKeepsItsStatusAndTheSurfaceOfTheFailedRequest() {
        MockHttpServletRequest forwarded = new MockHttpServletRequest("POST", "/error");
        forwarded.setDispatcherType(DispatcherType.ERROR);
        forwarded.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
        forwarded.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/external-api/v1/debts");

        ResponseEntity<Object> response = controller.error(forwarded);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).isInstanceOfSatisfying(ExternalErrorBody.class, body -> {
            assertThat(body.code()).isEqualTo(413);
            assertThat(body.message()).isEqualTo("Content Too Large");
        });
    }

    @Test
    void forwardedServerErrorSaysNoMore() {
        MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/error");
        forwarded.setDispatcherType(DispatcherType.ERROR);
        forwarded.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        forwarded.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/backend/followup/configs");

        ResponseEntity<Object> response = controller.error(forwarded);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
                problem -> assertThat(problem.getDetail()).isEqualTo("Internal server error"));
    }

    @Test
    void directCallIsA404() {
        ResponseEntity<Object> response = controller.error(new MockHttpServletRequest("DELETE", "/error"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
                problem -> assertThat(problem.getDetail()).isEqualTo("No endpoint DELETE /error"));
    }
}
