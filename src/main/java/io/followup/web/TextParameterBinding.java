package io.followup.web;

import java.beans.PropertyEditorSupport;

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
    }

    static boolean hasNul(Object value) {
        return value instanceof String text && text.indexOf('\u0000') >= 0;
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
