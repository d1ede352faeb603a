package jp.shinko.command.plan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.infra.security.AccessRefused;

/**
 * Who writes to a plan, with the municipality's register of organisations, which decides whether
 * the organisation an editor is bound to, a row's organisation and an item's responsible
 * organisations are the same body under different names. The register is read only when a
 * decision needs it (most writers are bound to no organisation and write names as the item has
 * them), and at most once per command.
 */
final class Writer {

    private final Actor actor;
    private final Supplier<OrganisationRegister> source;
    private OrganisationRegister register;

    Writer(Actor actor, Supplier<OrganisationRegister> register) {
        this.actor = actor;
        this.source = register;
    }

    Actor actor() {
        return actor;
    }

    private OrganisationRegister register() {
        if (register == null) {
            register = source.get();
        }
        return register;
    }

    /** Whether the writer may change what these organisations are responsible for. */
    boolean mayEdit(Collection<String> responsible) {
        if (actor.mayEditItemOf(responsible)) {
            return true;
        }
        return actor.role() == Role.MUNICIPAL_EDITOR && actor.organisation() != null
                && responsible.stream().anyMatch(name -> register().same(actor.organisation(), name));
    }

    /** Refuses a writer bound to an organisation that is not one of these. */
    void requireMayEdit(Collection<String> responsible) {
        if (!mayEdit(responsible)) {
            throw new AccessRefused(actor.describe() + " may change only items " + actor.organisation()
                    + " is responsible for, not items of " + String.join(", ", responsible));
        }
    }

    /**
     * Refuses responsible organisations the municipality has not registered, once it keeps a
     * register (a municipality without one writes names freely, as before registers existed).
     */
    void requireRegistered(List<String> responsible) {
        if (responsible.isEmpty() || register().isEmpty()) {
            return;
        }
        for (int i = 0; i < responsible.size(); i++) {
            if (register().find(responsible.get(i)).isEmpty()) {
                throw PlanRuleViolated.notRegistered("responsibleOrganisations[" + i + "]", responsible.get(i),
                        register().organisations().stream().map(organisation -> organisation.name()).toList());
            }
        }
    }

    /** Of an item's responsible organisations, the one a row's organisation names (as written, or by another name). */
    Optional<String> rowOf(String organisation, List<String> responsible) {
        if (responsible.contains(organisation)) {
            return Optional.of(organisation);
        }
        return register().sameAs(organisation, responsible);
    }
}
