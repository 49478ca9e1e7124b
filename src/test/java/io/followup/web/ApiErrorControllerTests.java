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
        ResponseEntity<Object> response = controller.error(forwarded("POST", 413, "/external-api/v1/debts"));

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).isInstanceOfSatisfying(ExternalErrorBody.class, body -> {
            assertThat(body.code()).isEqualTo(413);
            assertThat(body.message()).isEqualTo("Content Too Large");
        });
    }

    @Test
    void forwardedServerErrorSaysNoMore() {
        ResponseEntity<Object> response = controller.error(forwarded("GET", 500, "/backend/followup/configs"));

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

    /** What the container dispatches to /error after {@code method} on {@code uri} failed with {@code status}. */
    private static MockHttpServletRequest forwarded(String method, int status, String uri) {
        MockHttpServletRequest forwarded = new MockHttpServletRequest(method, "/error");
        forwarded.setDispatcherType(DispatcherType.ERROR);
        forwarded.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        forwarded.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return forwarded;
    }
}
