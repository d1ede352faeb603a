package jp.shinko.command.plan;

/**
 * What a progress entry command answers: whether it stored anything, and the entry's version
 * after it, to send back as {@code expectedVersion}.
 *
 * @param changed false when the entry already said this
 * @param version the number of changes the entry has had
 */
record EntryResult(boolean changed, long version) {
}
