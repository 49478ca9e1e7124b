package io.followup.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads {@code Accept} as Spring does, except that accepting {@code application/problem+json} also
 * accepts {@code application/json} at the same quality. A client that asks for the error format
 * (to read our errors) must still get the success, or the 404, it asked for rather than a 406.
 * A client that accepts neither (only {@code text/html}, say) is still refused.
 */
final class ErrorTypesAcceptJson implements ContentNegotiationStrategy {

    private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

    /** Installs the strategy as the only one, as Spring's default (the header alone) was. */
    @Configuration(proxyBeanMethods = false)
    static class Installer implements WebMvcConfigurer {

        @Override
        public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
            configurer.strategies(List.of(new ErrorTypesAcceptJson()));
        }
    }

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = header.resolveMediaTypes(request);
        if (accepted.stream().noneMatch(ErrorTypesAcceptJson::isProblemJson)
                || accepted.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))) {
            return accepted;
        }
        List<MediaType> widened = new ArrayList<>(accepted.size() + 1);
        for (MediaType type : accepted) {
            widened.add(type);
            if (isProblemJson(type)) {
                widened.add(MediaType.APPLICATION_JSON.copyQualityValue(type));
            }
        }
        return widened;
    }

    private static boolean isProblemJson(MediaType type) {
        return type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
