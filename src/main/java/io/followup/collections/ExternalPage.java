package io.followup.collections;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** A page of an external list: the success envelope plus {@code pagination} ({@code page} counts from 1). */
public record ExternalPage<T>(boolean error, String message, List<T> data, Pagination pagination) {

    public record Pagination(long total, int page, int limit, int pages) {
    }

    static <E, T> ExternalPage<T> of(String message, Page<E> page, Function<E, T> mapper) {
        return new ExternalPage<>(false, message, page.getContent().stream().map(mapper).toList(),
                new Pagination(page.getTotalElements(), page.getNumber() + 1, page.getSize(), page.getTotalPages()));
    }
}
