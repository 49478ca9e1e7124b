package io.followup.security;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers declare the caller ({@link TenantId}, {@link CompanyId}) as a parameter. Those come
 * from the token, not from the request, so the OpenAPI document leaves them out: one rule here rather
 * than a hiding annotation on every controller parameter.
 */
@Configuration(proxyBeanMethods = false)
class CallerWebConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerArgumentResolver.CALLER_TYPES.toArray(Class<?>[]::new));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
