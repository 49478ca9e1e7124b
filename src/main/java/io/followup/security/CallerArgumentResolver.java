package io.followup.security;

import java.util.Set;
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

/** Resolves {@link TenantId} and {@link CompanyId} controller parameters from the validated JWT. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    /** The parameter types this resolves; they never come from the request itself. */
    static final Set<Class<?>> CALLER_TYPES = Set.of(TenantId.class, CompanyId.class);
    static final String TENANT_CLAIM = "tenant_id";
    static final String COMPANY_CLAIM = "company_id";
    /** The {@code company_id} column's size. */
    static final int MAX_COMPANY_LENGTH = 100;
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CALLER_TYPES.contains(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType() == CompanyId.class) {
            Object claim = claim(COMPANY_CLAIM);
            if (!(claim instanceof String text) || !isValidCompany(text)) {
                throw AccessRefusedException.badClaim(COMPANY_CLAIM, "a non-empty string of at most " + MAX_COMPANY_LENGTH + " characters");
            }
            return new CompanyId(text);
        }
        Object claim = claim(TENANT_CLAIM);
        if (!(claim instanceof String text) || !CANONICAL_UUID.matcher(text).matches()) {
            throw AccessRefusedException.badClaim(TENANT_CLAIM, "a UUID");
        }
        return new TenantId(UUID.fromString(text));
    }

    static boolean isValidCompany(String company) {
        return !company.isBlank() && company.length() <= MAX_COMPANY_LENGTH;
    }

    private static Object claim(String name) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaims().get(name) : null;
    }
}
