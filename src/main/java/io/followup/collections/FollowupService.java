package io.followup.collections;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.followup.web.IsoTimes;
import io.followup.ids.IdType;
import io.followup.ids.PublicIds;
import io.followup.web.InvalidRequestException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs, schedules and updates a company's follow-up activities against its debts. */
@Service
@Transactional
public class FollowupService {

    static final String INVALID_DEBT = "Invalid debt ID. It must be a valid encrypted debt ID that belongs to your company";
    private static final String DEBT_OF_COMPANY_CONSTRAINT = "fk_debt_followup_debt_company";

    private final DebtFollowupRepository followups;
    private final DebtService debts;
    private final PublicIds ids;
    private final Clock clock;

    FollowupService(DebtFollowupRepository followups, DebtService debts, PublicIds ids, Clock clock) {
        this.followups = followups;
        this.debts = debts;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates a follow-up. That the debt is the company's own is checked by the insert itself (a
     * foreign key on debt and company), so a valid request costs one statement, not a lookup first.
     */
    public DebtFollowup create(String companyId, FollowupRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long debtId = null;
        if (request.debtId() == null || request.debtId().isBlank()) {
            errors.put("debt_id", "Debt ID is required");
        }
        else {
            debtId = ids.decode(IdType.DEBT, request.debtId()).orElse(null);
            if (debtId == null) {
                errors.put("debt_id", INVALID_DEBT);
            }
        }
        FollowupChanges values = FollowupRequestValidator.check(request, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(withForeignDebt(companyId, debtId, errors));
        }
        try {
            return followups.saveAndFlush(new DebtFollowup(companyId, debtId, values, now()));
        }
        catch (DataIntegrityViolationException ex) {
            if (String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(DEBT_OF_COMPANY_CONSTRAINT)) {
                throw new InvalidRequestException(Map.of("debt_id", INVALID_DEBT));
            }
            throw ex;
        }
    }

    /** A refused request names a debt of another company too, first, as it would if the rest were right. */
    private Map<String, String> withForeignDebt(String companyId, Long debtId, Map<String, String> errors) {
        if (debtId == null || debts.owns(companyId, debtId)) {
            return errors;
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("debt_id", INVALID_DEBT);
        all.putAll(errors);
        return all;
    }

    @Transactional(readOnly = true)
    public DebtFollowup get(String companyId, String publicId) {
        return find(companyId, publicId);
    }

    /** A partial update: given fields change, absent or null ones keep their value; the debt cannot change. */
    public DebtFollowup update(String companyId, String publicId, FollowupRequest request) {
        DebtFollowup followup = find(companyId, publicId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.debtId() != null && !ids.decode(IdType.DEBT, request.debtId()).equals(Optional.of(followup.getDebtId()))) {
            errors.put("debt_id", "debt_id cannot be changed");
        }
        FollowupChanges values = FollowupRequestValidator.check(request, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        followup.apply(values, now());
        return followups.saveAndFlush(followup);
    }

    @Transactional(readOnly = true)
    public Page<DebtFollowup> list(String companyId, FollowupFilter filter, Pageable page) {
        return followups.findAll(filter.forCompany(companyId), page);
    }

    /** The follow-ups of one debt, which must be the company's own (else 404). */
    @Transactional(readOnly = true)
    public Page<DebtFollowup> listForDebt(String companyId, String debtPublicId, Pageable page) {
        Long debtId = debts.ownedDebtId(companyId, debtPublicId).orElseThrow(CollectionsNotFoundException::debt);
        return followups.findAll(new FollowupFilter(debtId, null, null, null, null).forCompany(companyId), page);
    }

    /** Reads the list filters, reporting every bad one together. */
    public FollowupFilter filter(String debtId, String status, String type, String scheduledFrom, String scheduledTo) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long debt = null;
        if (debtId != null) {
            debt = ids.decode(IdType.DEBT, debtId).orElse(null);
            if (debt == null) {
                errors.put("debt_id", INVALID_DEBT);
            }
        }
        FollowupStatus statusValue = status == null ? null : FollowupStatus.fromWire(status).orElse(null);
        if (status != null && statusValue == null) {
            errors.put("status", FollowupStatus.INVALID);
        }
        FollowupType typeValue = type == null ? null : FollowupType.fromWire(type).orElse(null);
        if (type != null && typeValue == null) {
            errors.put("type", FollowupType.INVALID);
        }
        Instant from = scheduledFrom == null ? null : IsoTimes.parse("scheduled_from", scheduledFrom, errors);
        Instant to = scheduledTo == null ? null : IsoTimes.parse("scheduled_to", scheduledTo, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("scheduled_to", "scheduled_to must not be before scheduled_from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FollowupFilter(debt, statusValue, typeValue, from, to);
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
