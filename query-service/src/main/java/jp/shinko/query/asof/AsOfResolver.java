package jp.shinko.query.asof;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.calendar.TokyoTime;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Reads {@value AsOf#PARAMETER} for every controller parameter of type {@link AsOfTime}, says in
 * the answer's {@value AsOf#HEADER} header which instant was taken (a date alone becomes the last
 * microsecond of that day), and describes the parameter in the OpenAPI description. Parsing and
 * answering are apart: the resolver only reads, the advice only writes the header.
 */
@ControllerAdvice
public class AsOfResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer, OperationCustomizer,
        ResponseBodyAdvice<Object> {

    private static final String TAKEN = AsOfResolver.class.getName() + ".taken";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AsOfTime.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AsOfTime.class;
    }

    /**
     * @throws jp.shinko.events.InvalidField naming the parameter unless it is a time with its offset or a date
     */
    @Override
    public AsOfTime resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        Optional<Instant> instant = Optional.ofNullable(request.getParameter(AsOf.PARAMETER)).map(String::strip)
                .filter(given -> !given.isEmpty())
                .map(given -> AsOf.parse(AsOf.PARAMETER, given));
        instant.ifPresent(taken -> request.setAttribute(TAKEN, taken, RequestAttributes.SCOPE_REQUEST));
        return new AsOfTime(instant);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converter, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(TAKEN) instanceof Instant taken) {
            response.getHeaders().set(AsOf.HEADER, TokyoTime.of(taken).toString());
        }
        return body;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
            operation.addParametersItem(new Parameter().in("query").name(AsOf.PARAMETER).required(false)
                    .schema(new StringSchema().example("2024-05-01T12:00:00+09:00")).description(AsOf.DESCRIPTION));
        }
        return operation;
    }
}
