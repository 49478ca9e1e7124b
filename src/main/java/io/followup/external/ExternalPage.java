package io.followup.external;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of an external list, as GetBill's lists answer: {@code error}, {@code data} and {@code pagination} ({@code page}
 * counts from 1), and no {@code message} (single reads and writes carry one; lists do not).
 */
public record ExternalPage<T>(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Always false on success") boolean error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Pagination pagination) {

    public record Pagination(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Items in all pages") long total,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "This page, from 1") int page,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int limit,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Number of pages") int pages) {
    }

    public static <E, T> ExternalPage<T> of(Page<E> page, Function<E, T> mapper) {
        return new ExternalPage<>(false, page.getContent().stream().map(mapper).toList(),
                new Pagination(page.getTotalElements(), page.getNumber() + 1, page.getSize(), page.getTotalPages()));
    }
}
