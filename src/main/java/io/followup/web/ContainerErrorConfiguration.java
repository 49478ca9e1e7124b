package io.followup.web;

import java.io.IOException;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet sees them (an undecodable URI, say) would get
 * Tomcat's HTML error page; this valve answers them in the API's JSON instead.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** Public with a no-argument constructor: Tomcat instantiates it by class name. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
            String message = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
            ApiSurface surface = ApiSurface.ofPath(request.getRequestURI());
            try {
                response.setContentType(surface == ApiSurface.EXTERNAL ? "application/json" : "application/problem+json");
                JSON.writeValue(response.getOutputStream(), ApiErrors.body(surface, null, status, message, Map.of()));
                response.finishResponse();
            }
            catch (IOException | RuntimeException ex) {
                // the client is gone or the response is unusable; nothing more to tell it
            }
        }
    }
}
