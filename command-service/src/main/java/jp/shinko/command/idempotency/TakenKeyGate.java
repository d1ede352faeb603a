package jp.shinko.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stops a command whose request came with an Idempotency-Key that is already taken, once the
 * caller has been found allowed to send it (this interceptor runs after the access check) and
 * before any record is loaded: nothing runs twice, and nobody learns of a key by a request they
 * may not send. The stop is answered by {@link TakenKeyAnswers}.
 */
final class TakenKeyGate implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String TAKEN = TakenKeyGate.class.getName() + ".taken";

    static void markTaken(HttpServletRequest request, TakenKey key) {
        request.setAttribute(TAKEN, key);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(TAKEN, RequestAttributes.SCOPE_REQUEST) instanceof TakenKey key) {
            throw new IdempotencyKeyTaken(key);
        }
        return chain.proceed();
    }

    /** A command stopped because its Idempotency-Key is taken. */
    static final class IdempotencyKeyTaken extends RuntimeException {

        private final transient TakenKey key;

        IdempotencyKeyTaken(TakenKey key) {
            super("Idempotency-Key " + key.key() + " is taken");
            this.key = key;
        }

        TakenKey key() {
            return key;
        }
    }
}
