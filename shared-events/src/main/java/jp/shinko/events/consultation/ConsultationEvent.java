package jp.shinko.events.consultation;

import jp.shinko.events.SharedRecord;

/**
 * A fact of a consultation case (seed 003, まちづくり推進コンシェルジュ): a question a municipality
 * brings to the Metropolitan Government's single desk, or the desk records for it, and the
 * desk's answer: the kind of help (財政支援へのつなぎ, 取組事例の紹介) and what came of it.
 *
 * <p>The desk's government keeps the case ({@link #municipalityCode()}); the municipality it is
 * for, if one is named, is its only participant and reads it.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface ConsultationEvent extends SharedRecord permits ConsultationOpened, ConsultationAnswered {

    /** The case the event is about. */
    CaseId caseId();

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R consultationOpened(ConsultationOpened event);

        R consultationAnswered(ConsultationAnswered event);
    }
}
