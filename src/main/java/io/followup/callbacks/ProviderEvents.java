package io.followup.callbacks;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands what one callback reported to the modules that apply it, all in one transaction: a callback either changes
 * everything it reported or (on a fault) nothing, and the provider, answered with an error, sends it again.
 */
@Service
class ProviderEvents {

    private final ApplicationEventPublisher publisher;

    ProviderEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Transactional
    public void publish(List<?> events) {
        events.forEach(publisher::publishEvent);
    }
}
