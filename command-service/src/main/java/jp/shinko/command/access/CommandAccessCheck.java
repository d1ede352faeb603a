package jp.shinko.command.access;

import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Decides, before any record is loaded, whether the command's actor may send it: the one place
 * every command passes, whichever endpoint sent it, so no endpoint can forget the check.
 *
 * <p>Fails closed: a command without an actor, or of a type that declares no access rule
 * ({@link AdminOperation}, {@link MunicipalRecordChange}, {@link CityWideChange} or
 * {@link SharedRecordPart}), is refused. A refusal happens
 * before the aggregate is touched, so nothing is stored.
 */
final class CommandAccessCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        check(unitOfWork.getMessage());
        return chain.proceed();
    }

    void check(CommandMessage<?> command) {
        Actor actor = ActorMetaData.from(command.getMetaData()).orElseThrow(() -> new AccessRefused(
                command.getCommandName() + " came without a verified person; every command needs one"));
        Object payload = command.getPayload();
        if (payload instanceof AdminOperation operation) {
            if (actor.role() != Role.ADMIN) {
                throw AccessRefused.toOperate(actor, operation.operation());
            }
        } else if (payload instanceof MunicipalRecordChange change) {
            MunicipalityCode municipality = change.municipalityCode();
            if (!actor.mayWrite(municipality)) {
                throw AccessRefused.toWrite(actor, municipality);
            }
            if (change instanceof CityWideChange && actor.organisation() != null) {
                throw new AccessRefused(actor.describe() + " may change only " + actor.organisation()
                        + "'s items; municipality " + municipality + "'s own settings are changed by its editors "
                        + "who are not bound to one organisation");
            }
            requireRecordOf(municipality, command);
        } else if (payload instanceof SharedRecordPart part) {
            boolean asThePart = part.part() != null && actor.mayWrite(part.part());
            boolean asTheKeeper = part.keeperMayWrite() && actor.mayWrite(part.keeper());
            if (!asThePart && !asTheKeeper) {
                throw AccessRefused.toWrite(actor, part.part() == null ? part.keeper() : part.part());
            }
            requireRecordOf(part.keeper(), command);
        } else {
            throw new AccessRefused(command.getCommandName() + " declares no access rule, so nobody may send it");
        }
    }

    private void requireRecordOf(MunicipalityCode keeper, CommandMessage<?> command) {
        String record = targets.resolveTarget(command).getIdentifier();
        if (!record.equals(keeper.value()) && !record.startsWith(keeper.value() + ":")) {
            throw new AccessRefused("record " + record + " is not one of municipality " + keeper + "'s records");
        }
    }
}
