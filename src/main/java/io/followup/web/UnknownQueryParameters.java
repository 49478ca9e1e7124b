package io.followup.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.followup.text.ColumnText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a query parameter the external API's endpoint does not take, naming it: a misspelled or unsupported
 * filter (a GetBill client's name for one, say) would otherwise be ignored and the list come back unfiltered, which
 * looks like an answer. An endpoint's parameters are its {@code @RequestParam}s; only the query string counts (a
 * form body is refused for its content type, as before).
 */
@Component
class UnknownQueryParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    /** An endpoint that takes any parameter (a {@code @RequestParam Map}); compared by identity. */
    private static final Set<String> ANY = Set.of("*");
    /** Names reported at most, and their length: they come from outside and go back in the answer. */
    private static final int MAX_REPORTED = 20;
    private static final int MAX_NAME = 100;

    /** Per endpoint, the query parameters it takes. */
    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/external-api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> takes = known.computeIfAbsent(method, UnknownQueryParameters::parametersOf);
        if (takes == ANY) {
            return true;
        }
        Map<String, String> unknown = new TreeMap<>();
        for (String raw : UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().keySet()) {
            String name = decoded(raw);
            if (!takes.contains(name) && unknown.size() < MAX_REPORTED) {
                unknown.put(ColumnText.fit(name, MAX_NAME), takes.isEmpty() ? "Unknown query parameter: this endpoint takes none"
                        : "Unknown query parameter: this endpoint takes " + String.join(", ", takes));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
        return true;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return raw; // a broken escape: named as sent
        }
    }

    private static Set<String> parametersOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return ANY;
            }
            parameter.initParameterNameDiscovery(NAMES);
            names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
        }
        return names;
    }
}
