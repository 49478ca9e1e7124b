package io.followup.collections;

import java.util.function.Function;

import io.followup.external.TextLengths;
import io.followup.web.FieldErrors;

/**
 * A partial update of a debt's fields: each field given is checked by the create rule of {@link DebtRequestValidator}
 * and replaces the stored value; a field left out (or null) keeps it. The result must still have a phone or an email.
 */
final class DebtUpdates {

    /** The checked result: the new fields, and the new status when one was given. */
    record Changes(DebtFields fields, DebtStatus status) {
    }

    private DebtUpdates() {
    }

    /** Meaningful only when no error was added. */
    static Changes apply(DebtFields current, UpdateDebtRequest r, FieldErrors errors) {
        if (r.firstname() != null) {
            TextLengths.required(errors, "firstname", r.firstname(), "First name", FieldLimits.NAME);
        }
        if (r.lastname() != null) {
            TextLengths.required(errors, "lastname", r.lastname(), "Last name", FieldLimits.NAME);
        }
        String country = r.country() != null ? DebtRequestValidator.text(errors, "country", r.country(), FieldLimits.COUNTRY) : current.country();
        String phone = r.phone() == null ? current.phone() : DebtRequestValidator.phone(errors, r.phone(), country);
        String email = r.email() == null ? current.email() : DebtRequestValidator.email(errors, r.email());
        if (phone == null && email == null && r.phone() == null) {
            errors.add("phone", DebtRequestValidator.PHONE_OR_EMAIL);
        }
        DebtStatus status = errors.parseEnum("status", r.status(), DebtStatus::settable, DebtStatus.INVALID);
        DebtFields fields = new DebtFields(
                keep(r.civility(), current.civility(), v -> DebtRequestValidator.civility(errors, v)),
                keep(r.firstname(), current.firstname(), String::strip),
                keep(r.lastname(), current.lastname(), String::strip),
                phone, email,
                keep(r.birthdate(), current.birthdate(), v -> errors.date("birthdate", v)),
                keep(r.amount(), current.amount(), v -> DebtRequestValidator.amount(errors, v)),
                keep(r.currency(), current.currency(), v -> DebtRequestValidator.currency(errors, v)),
                text(errors, "object", r.object(), current.object(), FieldLimits.OBJECT),
                text(errors, "internal_id", r.internalId(), current.internalId(), FieldLimits.REFERENCE),
                text(errors, "invoice_reference", r.invoiceReference(), current.invoiceReference(), FieldLimits.REFERENCE),
                text(errors, "debtor_reference", r.debtorReference(), current.debtorReference(), FieldLimits.REFERENCE),
                keep(r.invoiceDate(), current.invoiceDate(), v -> errors.date("invoice_date", v)),
                keep(r.dueDate(), current.dueDate(), v -> errors.date("due_date", v)),
                text(errors, "address", r.address(), current.address(), FieldLimits.ADDRESS),
                text(errors, "street_address", r.streetAddress(), current.streetAddress(), FieldLimits.STREET_ADDRESS),
                text(errors, "street_number", r.streetNumber(), current.streetNumber(), FieldLimits.STREET_NUMBER),
                text(errors, "postal_code", r.postalCode(), current.postalCode(), FieldLimits.POSTAL_CODE),
                text(errors, "city", r.city(), current.city(), FieldLimits.CITY),
                country,
                keep(r.iban(), current.iban(), v -> DebtRequestValidator.iban(errors, v)),
                text(errors, "company", r.company(), current.company(), FieldLimits.COMPANY),
                text(errors, "debtor_company", r.debtorCompany(), current.debtorCompany(), FieldLimits.COMPANY),
                keep(r.paymentLink(), current.paymentLink(), v -> DebtRequestValidator.url(errors, "payment_link", v)),
                keep(r.metadata(), current.metadata(), v -> DebtRequestValidator.metadata(errors, v)),
                text(errors, "timeline_id", r.timelineId(), current.timelineId(), FieldLimits.REFERENCE),
                keep(r.timelineStartMode(), current.timelineStartMode(), v -> DebtRequestValidator.timelineStartMode(errors, v)),
                r.acceptExpensiveDestination() != null ? r.acceptExpensiveDestination() : current.acceptExpensiveDestination(),
                r.paymentPlanActive() != null ? r.paymentPlanActive() : current.paymentPlanActive(),
                keep(r.planStartDate(), current.planStartDate(), v -> errors.date("plan_start_date", v)));
        return new Changes(fields, status);
    }

    private static <T, R> R keep(T given, R current, Function<T, R> check) {
        return given == null ? current : check.apply(given);
    }

    /** Optional text given: checked as on create; an empty one clears the field. */
    private static String text(FieldErrors errors, String field, String given, String current, int max) {
        return given == null ? current : DebtRequestValidator.text(errors, field, given, max);
    }
}
