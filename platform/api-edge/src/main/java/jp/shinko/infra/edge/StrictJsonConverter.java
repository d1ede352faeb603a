package jp.shinko.infra.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
            throw new NotUtf8("it is declared " + declared.getCharset(), input);
        }
        byte[] body = input.getBody().readAllBytes();
        checkUtf8(body, input);
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

    /**
     * Decodes the body a few kilobytes at a time, only to find a sequence that is not UTF-8, and
     * refuses NUL, which JSON text never holds raw (UTF-16 and padded bodies do).
     */
    private static void checkUtf8(byte[] body, HttpInputMessage input) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharBuffer chars = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                throw new NotUtf8("byte " + bytes.position() + " begins a sequence that is not UTF-8", input);
            }
            chars.flip();
            for (int i = 0; i < chars.length(); i++) {
                if (chars.charAt(i) == 0) {
                    throw new NotUtf8("it holds a NUL byte", input);
                }
            }
            chars.clear();
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    /** A body that is not JSON text in UTF-8; answered {@code 400 malformed-request} with the reason. */
    static final class NotUtf8 extends HttpMessageNotReadableException {

        NotUtf8(String why, HttpInputMessage input) {
            super("the body is not well-formed UTF-8: " + why + "; JSON is sent in UTF-8", input);
        }
    }
}
