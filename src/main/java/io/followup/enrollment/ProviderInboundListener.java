package io.followup.enrollment;

import java.util.List;
import java.util.UUID;

import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.ProviderInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead wrote to a business number (a provider's inbound webhook): like {@code lead.message_received} on that
 * channel, for every tenant's lead with that phone there. The lead's window opens, its running enrollment on the
 * channel stops (unless triggered after the message), and a stop keyword opts it out of the channel.
 */
@Component
class ProviderInboundListener {

    private static final Logger log = LoggerFactory.getLogger(ProviderInboundListener.class);

    record LeadOnChannel(UUID tenantId, String channelId, String leadId) {
    }

    private final JdbcTemplate jdbc;
    private final LeadWindow window;
    private final LeadOptOuts optOuts;
    private final EnrollmentStops stops;
    private final StopKeywords keywords;

    ProviderInboundListener(JdbcTemplate jdbc, LeadWindow window, LeadOptOuts optOuts, EnrollmentStops stops,
            StopKeywords keywords) {
        this.jdbc = jdbc;
        this.window = window;
        this.optOuts = optOuts;
        this.stops = stops;
        this.keywords = keywords;
    }

    @EventListener
    @Transactional
    public void on(ProviderInbound inbound) {
        boolean stop = keywords.isStop(inbound.text());
        List<LeadOnChannel> leads = leadsOf(inbound);
        for (LeadOnChannel lead : leads) {
            window.inboundAt(lead.tenantId(), lead.channelId(), lead.leadId(), inbound.at());
            if (stop) {
                optOuts.optOut(lead.tenantId(), lead.channelId(), lead.leadId(), LeadOptOuts.STOP_KEYWORD, detail(inbound), inbound.at());
            }
            else {
                stops.stopOnChannel(lead.tenantId(), lead.channelId(), lead.leadId(), EnrollmentStops.LEAD_REPLIED, inbound.at());
            }
        }
        log.debug("Inbound {} message {} matched {} lead(s)", inbound.channel(), inbound.providerMessageId(), leads.size());
    }

    /** The keyword as the lead wrote it (cut to fit where stored) and the provider's message ID, for whoever reads the list. */
    private static String detail(ProviderInbound inbound) {
        String detail = inbound.channel().wire() + " inbound \"" + inbound.text().strip() + "\"";
        return inbound.providerMessageId() == null ? detail : detail + " (" + inbound.providerMessageId() + ")";
    }

    /**
     * The leads with this phone on the business number, from their enrollments in any state: Meta's callback
     * names our channel_id, Gupshup's the app, so each is matched by its own column.
     */
    private List<LeadOnChannel> leadsOf(ProviderInbound inbound) {
        String key = inbound.channel() == DeliveryChannel.WHATSAPP_GUPSHUP ? "app_id" : "channel_id";
        return jdbc.query("SELECT DISTINCT tenant_id, channel_id, lead_id FROM enrollment WHERE " + key + " = ? AND lead_phone = ?",
                (rs, row) -> new LeadOnChannel(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                inbound.channelKey(), inbound.phone());
    }
}
