package io.followup.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TreeNode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies as a tree first and converts them with {@link FieldByFieldReader}, so that a
 * field it cannot read is recorded for the answer ({@link BodyProblems}) instead of hiding every
 * other error of the body. Used for the server side only: answers read by our own HTTP clients stay
 * all-or-nothing.
 */
final class FieldByFieldJsonConverter extends JacksonJsonHttpMessageConverter {

    private static final ResolvableType TREE = ResolvableType.forClass(ObjectNode.class);

    FieldByFieldJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        if (TreeNode.class.isAssignableFrom(type.toClass()) || RequestContextHolder.getRequestAttributes() == null) {
            return super.read(type, input, hints);
        }
        // Bounded by RequestSizeLimitFilter. A body that reads whole (nearly all of them) is read once, straight
        // into its type; only one with an unreadable field is read again, as a tree, field by field.
        byte[] body = input.getBody().readAllBytes();
        try {
            return super.read(type, buffered(input, body), hints);
        }
        catch (HttpMessageNotReadableException whole) {
            if (!(whole.getCause() instanceof JacksonException cause) || JsonErrorReader.describe(cause).containsKey("body")) {
                throw whole;
            }
            return readFieldByField(type, buffered(input, body), hints);
        }
    }

    private Object readFieldByField(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        ObjectNode tree = (ObjectNode) super.read(TREE, input, hints);
        if (tree == null) {
            return null;
        }
        JavaType javaType = getJavaType(type.getType(), null);
        try {
            FieldByFieldReader.Result<Object> result = FieldByFieldReader.read(defaultMapper, tree, javaType);
            if (result.problems() != null) {
                BodyProblems.attachToCurrentRequest(result.problems());
            }
            return result.value();
        }
        catch (JacksonException ex) {
            throw new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex, input);
        }
    }

    private static HttpInputMessage buffered(HttpInputMessage input, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** The tree keeps decimals exactly (an amount is a BigDecimal, never a double on the way). */
    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        return javaType.hasRawClass(ObjectNode.class) ? reader.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) : reader;
    }
}
