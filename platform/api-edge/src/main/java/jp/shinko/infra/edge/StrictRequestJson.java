package jp.shinko.infra.edge;

import java.math.BigDecimal;
import jp.shinko.events.InvalidField;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies are read: strictly. A field the request does not have, a key sent twice,
 * a number or boolean where text is expected (or the reverse), a fraction where a whole number
 * is, trailing content after the object: each is a 400 naming the field, never silently
 * coerced, dropped or overwritten. Every text passes {@link RequestText}; every decimal number
 * has at most {@value #INTEGER_DIGITS} digits before the point and {@value #FRACTION_DIGITS}
 * after it (each field's own range is checked where it is read).
 */
public final class StrictRequestJson {

    /** The most digits before the decimal point any number of a request has. */
    public static final int INTEGER_DIGITS = 15;

    /** The most digits after the decimal point any number of a request has. */
    public static final int FRACTION_DIGITS = 10;

    private StrictRequestJson() {
    }

    /** The application's mapper, made strict for reading requests; writing is unchanged. */
    public static JsonMapper of(JsonMapper application) {
        SimpleModule checks = new SimpleModule("shinko-request-checks")
                .addDeserializer(String.class, new Text(false))
                .addDeserializer(BigDecimal.class, new Decimal());
        return application.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(checks)
                .build();
    }

    /** The field being read, as the API names it: {@code content.title}, {@code items[0].entries[2].value}. */
    static String fieldAt(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            String separator = path.isEmpty() || path.charAt(0) == '[' ? "" : ".";
            if (context.inArray()) {
                path.insert(0, "[" + Math.max(0, context.getCurrentIndex()) + "]" + separator);
            } else if (context.currentName() != null) {
                path.insert(0, context.currentName() + separator);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Text only from JSON strings, checked by {@link RequestText}; multi-line where the field says so. */
    private static final class Text extends StdScalarDeserializer<String> {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multiLineField = property != null && property.getAnnotation(MultiLineText.class) != null;
            return multiLineField == multiLine ? this : new Text(multiLineField);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return RequestText.check(fieldAt(parser), parser.getString(), multiLine);
        }
    }

    /** Decimal numbers only from JSON numbers, and only of a size any field could take. */
    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = parser.getDecimalValue();
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.precision() - stripped.scale() > INTEGER_DIGITS || stripped.scale() > FRACTION_DIGITS) {
                throw new InvalidField(fieldAt(parser), parser.getString(), "a number has at most " + INTEGER_DIGITS
                        + " digits before the decimal point and " + FRACTION_DIGITS + " after it");
            }
            return value;
        }
    }
}
