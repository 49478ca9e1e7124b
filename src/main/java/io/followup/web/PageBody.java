package io.followup.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.domain.Page;
import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a backend list, newest first; {@code page} counts from 0. */
public record PageBody<T>(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> items,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "This page, from 0") int page,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int size,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("total_elements") long totalElements,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("total_pages") int totalPages) {

    public static <E, T> PageBody<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageBody<>(page.getContent().stream().map(mapper).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
