package io.followup.enrollment;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores enrollment statuses in the lower case the API and the CHECK constraint use. */
@Converter
class StatusConverter implements AttributeConverter<Enrollment.Status, String> {

    @Override
    public String convertToDatabaseColumn(Enrollment.Status status) {
        return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Enrollment.Status convertToEntityAttribute(String value) {
        return value == null ? null : Enrollment.Status.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
