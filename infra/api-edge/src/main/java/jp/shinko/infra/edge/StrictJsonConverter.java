package jp.shinko.infra.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies with {@link StrictRequestJson}'s mapper, after checking that the body is
 * well-formed UTF-8: Jackson decodes an overlong sequence ({@code C0 AF} for {@code /}) or an
 * encoded surrogate as if it were a character, which would let a text through in a form the
 * checks never see.
 */
final class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

    StrictJsonConverter(JsonMapper strict) {
        super(strict);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
            throws IOException {
        MediaType declared = input.getHeaders().getContentType();
        if (declared != null && declared.getCharset() != null
                && !StandardCharsets.UTF_8.equals(declared.getCharset())) {
            throw new HttpMessageNotReadableException("the body is not well-formed UTF-8: JSON is sent in UTF-8, "
                    + "not " + declared.getCharset(), input);
        }
        byte[] body = input.getBody().readAllBytes();
        for (byte b : body) {
            if (b == 0) {
                // never part of JSON text in UTF-8; what UTF-16 or a padded body looks like
                throw new HttpMessageNotReadableException("the body is not well-formed UTF-8: it holds a NUL byte; "
                        + "JSON is sent in UTF-8", input);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException invalid) {
            throw new HttpMessageNotReadableException("the body is not well-formed UTF-8 (" + invalid.getMessage()
                    + "); JSON is sent in UTF-8", input);
        }
        return super.read(type, new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        }, hints);
    }
}
