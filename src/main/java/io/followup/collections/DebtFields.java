package io.followup.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What an integrator says about a debt, under GetBill's names: all of it is given on create and any of it
 * may be changed by an update. Immutable: an update makes a new value with {@link DebtRequestValidator}.
 * The last five only have meaning inside GetBill's own platform; they are stored and echoed, nothing more.
 */
@Embeddable
record DebtFields(
        @Column(name = "civility") String civility,
        @Column(name = "firstname", nullable = false) String firstname,
        @Column(name = "lastname", nullable = false) String lastname,
        @Column(name = "phone") String phone,
        @Column(name = "email") String email,
        @Column(name = "birthdate") LocalDate birthdate,
        @Column(name = "amount", nullable = false) BigDecimal amount,
        @Column(name = "currency", nullable = false) String currency,
        @Column(name = "object") String object,
        @Column(name = "internal_id") String internalId,
        @Column(name = "invoice_reference") String invoiceReference,
        @Column(name = "debtor_reference") String debtorReference,
        @Column(name = "invoice_date") LocalDate invoiceDate,
        @Column(name = "due_date") LocalDate dueDate,
        @Column(name = "address") String address,
        @Column(name = "street_address") String streetAddress,
        @Column(name = "street_number") String streetNumber,
        @Column(name = "postal_code") String postalCode,
        @Column(name = "city") String city,
        @Column(name = "country") String country,
        @Column(name = "iban") String iban,
        @Column(name = "company") String company,
        @Column(name = "debtor_company") String debtorCompany,
        @Column(name = "payment_link") String paymentLink,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "metadata") Map<String, Object> metadata,
        @Column(name = "timeline_id") String timelineId,
        @Column(name = "timeline_start_mode") String timelineStartMode,
        @Column(name = "accept_expensive_destination", nullable = false) boolean acceptExpensiveDestination,
        @Column(name = "payment_plan_active", nullable = false) boolean paymentPlanActive,
        @Column(name = "plan_start_date") LocalDate planStartDate) {
}
