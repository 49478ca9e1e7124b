package io.followup.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses the NUL character in every text query parameter, path variable and header a controller
 * binds, as {@link NoNulStringDeserializer} does for bodies: PostgreSQL cannot store or compare it,
 * so it would otherwise turn a bad request into a server error. The refusal surfaces as a type
 * mismatch, which {@link ApiExceptionHandler} answers with a 400 naming the parameter.
 */
@ControllerAdvice
class TextParameterBinding {

    @InitBinder
    void refuseNulInText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new NoNulText());
        binder.registerCustomEditor(UUID.class, new BlankIsNotAUuid());
    }

    static boolean hasNul(Object value) {
        return value instanceof String text && text.indexOf('\u0000') >= 0;
    }

    /**
     * Spring reads a blank UUID as absent: a filter ({@code ?assistant_id=%20}) would silently be dropped
     * and the list come back unfiltered, and a path variable ({@code /configs/%20}) would look like a
     * mapping without its variable (a 500). Here a blank value is a bad UUID, named like any other; only
     * an empty query value ({@code ?assistant_id=}) still means "no filter".
     */
    private static final class BlankIsNotAUuid extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            if (text.isBlank()) {
                throw new IllegalArgumentException("A blank value is not a UUID");
            }
            setValue(UUID.fromString(text.strip()));
        }
    }

    private static final class NoNulText extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (hasNul(text)) {
                throw new IllegalArgumentException(NoNulStringDeserializer.MESSAGE);
            }
            setValue(text);
        }
    }
}
