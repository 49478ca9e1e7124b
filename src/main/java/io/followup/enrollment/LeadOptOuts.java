package io.followup.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads who opted out of a channel get nothing more on it: the opt-out is recorded per (tenant, channel, lead) and
 * the lead's running enrollments on that channel stop with {@value EnrollmentStops#LEAD_OPTED_OUT}. Sources: a stop
 * keyword in an inbound message, Meta's 131050 ("user stopped marketing messages"), Gupshup's 1012 ("number opted
 * out", https://partner-docs.gupshup.io/docs/error-codes) and the platform's {@code lead.opted_out} event.
 */
@Service
@Transactional
public class LeadOptOuts {

    public static final String STOP_KEYWORD = "stop_keyword";
    public static final String META_131050 = "meta_131050";
    public static final String GUPSHUP_1012 = "gupshup_1012";
    public static final String LEAD_OPTED_OUT_EVENT = "lead_opted_out";

    /** The sources {@code lead_opt_out.source} allows (V8); the longest fits the column. */
    static final Set<String> SOURCES = Set.of(STOP_KEYWORD, META_131050, GUPSHUP_1012, LEAD_OPTED_OUT_EVENT);

    private final OptOutRecords records;
    private final EnrollmentRepository enrollments;
    private final EnrollmentStops stops;
    private final EnrollmentWebhooks webhooks;
    private final Clock clock;

    LeadOptOuts(OptOutRecords records, EnrollmentRepository enrollments, EnrollmentStops stops, EnrollmentWebhooks webhooks,
            Clock clock) {
        this.records = records;
        this.enrollments = enrollments;
        this.stops = stops;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * The provider said the lead of this enrollment opted out (a status callback carrying Gupshup 1012 or Meta
     * 131050): records it for the enrollment's tenant, channel and lead, and stops the lead's running
     * enrollments on that channel. An unknown enrollment changes nothing.
     *
     * @param source {@link #GUPSHUP_1012}, {@link #META_131050}, {@link #STOP_KEYWORD} or {@link #LEAD_OPTED_OUT_EVENT}
     * @param detail the provider's words, cut to fit
     */
    public void optOutOfStep(UUID enrollmentId, String source, String detail) {
        enrollments.findById(enrollmentId).ifPresent(enrollment -> optOut(enrollment.getTenantId(), enrollment.getChannelId(),
                enrollment.getLeadId(), source, detail, clock.instant()));
    }

    /** Records the opt-out and stops the lead's running enrollments on the channel; @return those stopped */
    List<Enrollment> optOut(UUID tenantId, String channelId, String leadId, String source, String detail, Instant at) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("Unknown opt-out source " + source + "; one of " + SOURCES);
        }
        if (records.record(tenantId, channelId, leadId, source, detail, at)) {
            webhooks.optedOut(tenantId, channelId, leadId, source, at);
        }
        return stops.stopOnChannel(tenantId, channelId, leadId, EnrollmentStops.LEAD_OPTED_OUT, null);
    }

    @Transactional(readOnly = true)
    boolean isOptedOut(UUID tenantId, String channelId, String leadId) {
        return records.isOptedOut(tenantId, channelId, leadId);
    }

    @Transactional(readOnly = true)
    Page<OptOutRecords.OptOut> list(UUID tenantId, String channelId, String leadId, Pageable page) {
        return records.list(tenantId, channelId, leadId, page);
    }

    /** The lead opted in again: sends on the channel may resume with the next trigger. */
    void delete(UUID tenantId, String channelId, String leadId) {
        if (!records.delete(tenantId, channelId, leadId)) {
            throw OptOutNotFoundException.of(channelId, leadId);
        }
    }
}
