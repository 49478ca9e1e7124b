package io.followup.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads JSON strings, refusing the NUL character: PostgreSQL cannot store it, so it would otherwise
 * turn a bad request into a server error. Anything but a JSON string is refused as a wrong type.
 */
final class NoNulStringDeserializer extends StdScalarDeserializer<String> {

    static final String MESSAGE = "NUL characters are not allowed";

    NoNulStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String value = parser.getString();
        if (value.indexOf('\u0000') >= 0) {
            throw context.weirdStringException(value, String.class, MESSAGE);
        }
        return value;
    }
}
