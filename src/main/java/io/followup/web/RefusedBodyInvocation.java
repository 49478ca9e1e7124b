package io.followup.web;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * A request whose body had fields that could not be read ({@link BodyProblems}) is refused with a
 * 400, but its handler still runs first, to learn what else is wrong: the services check a body as
 * a whole (the seed's messages, the caller's debt) before they write, and the README promises every
 * bad field at once. It runs in a transaction that is always rolled back, so a refused request
 * writes nothing even when the rest of its body was valid.
 */
@Configuration(proxyBeanMethods = false)
class RefusedBodyInvocation {

    @Bean
    WebMvcRegistrations refusedBodies(ObjectProvider<PlatformTransactionManager> transactions) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new Adapter(transactions);
            }
        };
    }

    private static final class Adapter extends RequestMappingHandlerAdapter {

        private final ObjectProvider<PlatformTransactionManager> transactions;

        Adapter(ObjectProvider<PlatformTransactionManager> transactions) {
            this.transactions = transactions;
        }

        @Override
        protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
            return new ServletInvocableHandlerMethod(handlerMethod) {
                @Override
                protected Object doInvoke(Object... args) throws Exception {
                    BodyProblems problems = BodyProblems.ofCurrentRequest();
                    if (problems == null) {
                        return super.doInvoke(args);
                    }
                    throw refuse(problems, () -> super.doInvoke(args));
                }
            };
        }

        private InvalidRequestException refuse(BodyProblems problems, Callable<Object> handler) throws Exception {
            PlatformTransactionManager manager = transactions.getObject();
            TransactionStatus transaction = manager.getTransaction(TransactionDefinition.withDefaults());
            Map<String, String> otherErrors = Map.of();
            try {
                handler.call();
            }
            catch (InvalidRequestException ex) {
                otherErrors = ex.details();
            }
            catch (ApiException ex) {
                // A 404, 409 or 412 is about a request whose body is right; this body is refused first.
            }
            finally {
                manager.rollback(transaction);
            }
            return new InvalidRequestException(problems.mergedWith(otherErrors));
        }
    }
}
