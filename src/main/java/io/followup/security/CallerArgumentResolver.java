package io.followup.security;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link TenantId} controller parameters from the validated JWT. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String TENANT_CLAIM = "tenant_id";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TenantId.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw AccessRefusedException.badClaim(TENANT_CLAIM, "a UUID");
        }
        Object claim = jwt.getToken().getClaims().get(TENANT_CLAIM);
        if (!(claim instanceof String text) || !CANONICAL_UUID.matcher(text).matches()) {
            throw AccessRefusedException.badClaim(TENANT_CLAIM, "a UUID");
        }
        return new TenantId(UUID.fromString(text));
    }
}
