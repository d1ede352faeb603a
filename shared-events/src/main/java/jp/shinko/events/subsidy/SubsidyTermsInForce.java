package jp.shinko.events.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.settings.SubsidyTermsAdopted;

/**
 * The subsidy terms a local government has adopted for its programmes, folded from its
 * {@link SubsidyTermsAdopted} events. Pure.
 *
 * @param adopted every adoption, in the order recorded
 */
public record SubsidyTermsInForce(List<SubsidyTermsAdopted> adopted) {

    /** No programme has terms. */
    public static final SubsidyTermsInForce NONE = new SubsidyTermsInForce(List.of());

    public SubsidyTermsInForce {
        adopted = List.copyOf(adopted);
    }

    /** After one more adoption. */
    public SubsidyTermsInForce apply(SubsidyTermsAdopted event) {
        List<SubsidyTermsAdopted> next = new ArrayList<>(adopted);
        next.add(event);
        return new SubsidyTermsInForce(next);
    }

    /**
     * The terms of the programme for projects adopted in a fiscal year: the latest adopted from
     * that year or an earlier one; among adoptions from the same year, the one recorded last.
     */
    public Optional<SubsidyTerms> of(ItemRef programme, FiscalYear adoptedIn) {
        return adopted.stream().filter(terms -> terms.programme().equals(programme)
                        && !terms.fromFiscalYear().isAfter(adoptedIn))
                .reduce((earlier, later) -> later.fromFiscalYear().isAfter(earlier.fromFiscalYear())
                        || later.fromFiscalYear().equals(earlier.fromFiscalYear()) ? later : earlier)
                .map(SubsidyTermsAdopted::terms);
    }

    /** The latest adoption for the programme from exactly this year, to tell whether a new one changes anything. */
    public Optional<SubsidyTermsAdopted> latestFrom(ItemRef programme, FiscalYear from) {
        return adopted.stream().filter(terms -> terms.programme().equals(programme)
                && terms.fromFiscalYear().equals(from)).reduce((earlier, later) -> later);
    }
}
