package io.followup.collections;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.Constraints;
import io.followup.web.FieldErrors;
import io.followup.web.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs, schedules and updates a company's follow-up activities against its debts. */
@Service
@Transactional
class DebtFollowupService {

    static final String INVALID_DEBT = "Invalid debt ID. It must be a valid encrypted debt ID that belongs to your company";
    private static final String DEBT_OF_COMPANY_CONSTRAINT = "fk_debt_followup_debt_company";

    private final DebtFollowupRepository followups;
    private final DebtService debts;
    private final PublicIds ids;
    private final CollectionsWebhooks webhooks;
    private final Clock clock;

    DebtFollowupService(DebtFollowupRepository followups, DebtService debts, PublicIds ids, CollectionsWebhooks webhooks,
            Clock clock) {
        this.followups = followups;
        this.debts = debts;
        this.ids = ids;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * Creates a follow-up. That the debt is the company's own is checked by the insert itself (a
     * foreign key on debt and company), so a valid request costs one statement, not a lookup first.
     *
     * @return the answer, which is also the followup.created event's data
     */
    public DebtFollowupResponse create(String companyId, DebtFollowupRequest request) {
        FieldErrors errors = new FieldErrors();
        Long debtId = null;
        if (request.debtId() == null || request.debtId().isBlank()) {
            errors.add("debt_id", "Debt ID is required");
        }
        else {
            debtId = ids.decode(IdType.DEBT, request.debtId()).orElse(null);
            if (debtId == null) {
                errors.add("debt_id", INVALID_DEBT);
            }
        }
        DebtFollowupChanges values = DebtFollowupRequestValidator.check(request, errors);
        FollowupTracking.check(values, null, errors);
        if (!errors.isEmpty() && debtId != null && !debts.owns(companyId, debtId)) {
            // A refused request names a debt of another company too, as it would if the rest were right.
            errors.add("debt_id", INVALID_DEBT);
        }
        errors.throwIfAny();
        DebtFollowup created;
        try {
            created = followups.saveAndFlush(new DebtFollowup(companyId, debtId, values, now()));
        }
        catch (DataIntegrityViolationException ex) {
            if (Constraints.violated(ex, DEBT_OF_COMPANY_CONSTRAINT)) {
                throw new InvalidRequestException(Map.of("debt_id", INVALID_DEBT));
            }
            throw ex;
        }
        DebtFollowupResponse answer = DebtFollowupResponse.from(created, ids);
        webhooks.followupCreated(companyId, answer);
        return answer;
    }

    @Transactional(readOnly = true)
    public DebtFollowup get(String companyId, String publicId) {
        return find(companyId, publicId);
    }

    /**
     * A partial update: given fields change, absent or null ones keep their value; the debt cannot change.
     *
     * @return the answer, which is also the data of followup.updated (and followup.completed or followup.failed)
     */
    public DebtFollowupDetailsResponse update(String companyId, String publicId, DebtFollowupRequest request) {
        DebtFollowup followup = find(companyId, publicId);
        FieldErrors errors = new FieldErrors();
        if (request.debtId() != null && !ids.decode(IdType.DEBT, request.debtId()).equals(Optional.of(followup.getDebtId()))) {
            errors.add("debt_id", "debt_id cannot be changed");
        }
        DebtFollowupChanges values = DebtFollowupRequestValidator.check(request, errors);
        FollowupTracking.check(values, followup, errors);
        errors.throwIfAny();
        DebtFollowupDetailsResponse before = DebtFollowupDetailsResponse.from(followup, ids);
        followup.apply(values, now());
        DebtFollowupDetailsResponse answer = DebtFollowupDetailsResponse.from(followups.saveAndFlush(followup), ids);
        webhooks.followupUpdated(companyId, before, answer);
        return answer;
    }

    @Transactional(readOnly = true)
    public Page<DebtFollowup> list(String companyId, DebtFollowupFilter filter, Pageable page) {
        return followups.findAll(filter.forCompany(companyId), page);
    }

    /** The follow-ups of one debt, which must be the company's own (else 404). */
    @Transactional(readOnly = true)
    public Page<DebtFollowup> listForDebt(String companyId, String debtPublicId, Pageable page) {
        Long debtId = debts.ownedDebtId(companyId, debtPublicId).orElseThrow(CollectionsNotFoundException::debt);
        return followups.findAll(new DebtFollowupFilter(debtId, null, null, null, null).forCompany(companyId), page);
    }

    private DebtFollowup find(String companyId, String publicId) {
        return ids.decode(IdType.FOLLOWUP, publicId)
                .flatMap(id -> followups.findByIdAndCompanyId(id, companyId))
                .orElseThrow(CollectionsNotFoundException::followup);
    }

    private Instant now() {
        // The seed writes whole seconds (2024-01-22T15:30:00+00:00).
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
