package io.followup.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.followup.delivery.ProviderInbound;
import org.springframework.context.event.EventListener;

/** Every {@link ProviderInbound} the callbacks published, for tests of the publishing side; its handling is the enrollment module's. */
public class ProviderEventsCapture {

    private final List<ProviderInbound> inbound = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ProviderInbound event) {
        inbound.add(event);
    }

    /** What was published for this phone (tests use a phone of their own). */
    public List<ProviderInbound> inboundFrom(String phone) {
        return inbound.stream().filter(event -> event.phone().equals(phone)).toList();
    }
}
