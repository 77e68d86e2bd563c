package org.estimator4j.features.json;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric column's {@code default_value}: one number that fills the shape (as TensorFlow allows), or numbers nested by
 * shape ({@code ((a, b, c), (d, e, f))} for shape (2, 3)) or flat. Each number is read by the strict float reader.
 */
@JsonDeserialize(using = DefaultValue.Reader.class)
record DefaultValue(float[] values, boolean scalar, int[] shape) {
    /** Written nested by shape, as TensorFlow keeps it. */
    static DefaultValue nested(float[] values, int[] shape) {
        return new DefaultValue(values, false, shape);
    }

    @JsonValue
    Object json() {
        return scalar ? (Object) values[0] : nest(0, 0);
    }

    private List<Object> nest(int dim, int offset) {
        int stride = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < shape[dim]; i++) {
            out.add(dim + 1 == shape.length ? (Object) values[offset + i] : nest(dim + 1, offset + i * stride));
        }
        return out;
    }

    static final class Reader extends StdDeserializer<DefaultValue> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(DefaultValue.class);
        }

        @Override
        public DefaultValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return new DefaultValue(new float[] {ctxt.readValue(p, Float.class)}, true, null);
            }
            List<Float> flat = new ArrayList<>();
            flatten(p, ctxt, flat);
            float[] values = new float[flat.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = flat.get(i);
            }
            return new DefaultValue(values, false, null);
        }

        private static void flatten(JsonParser p, DeserializationContext ctxt, List<Float> into) throws IOException {
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                try {
                    if (p.isExpectedStartArrayToken()) {
                        flatten(p, ctxt, into);
                    } else {
                        into.add(ctxt.readValue(p, Float.class));
                    }
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, into, i);
                }
            }
        }
    }
}
