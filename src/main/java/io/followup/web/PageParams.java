package io.followup.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The page of a list, checked the same way on both surfaces: the backend's {@code page} (from 0) and
 * {@code size}, the external API's {@code page} (from 1) and {@code limit}; at most 100 items a page.
 */
public final class PageParams {

    public static final int MAX_SIZE = 100;

    private PageParams() {
    }

    /** A backend list page: {@code page} from 0, {@code size} 1 to 100. */
    public static PageRequest of(int page, int size, Sort sort) {
        return check(page, 0, "size", size, sort);
    }

    /** An external list page, newest first: {@code page} from 1, {@code limit} 1 to 100. */
    public static PageRequest external(int page, int limit) {
        return check(page, 1, "limit", limit, Sort.by(Sort.Direction.DESC, "id"));
    }

    private static PageRequest check(int page, int firstPage, String sizeName, int size, Sort sort) {
        FieldErrors errors = new FieldErrors();
        int index = page - firstPage;
        if (page < firstPage) {
            errors.add("page", "page must be " + firstPage + " or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(sizeName, sizeName + " must be between 1 and " + MAX_SIZE);
        }
        if (errors.isEmpty() && (long) index * size > Integer.MAX_VALUE - size) {
            errors.add("page", "page is too large");
        }
        errors.throwIfAny();
        return PageRequest.of(index, size, sort);
    }
}
