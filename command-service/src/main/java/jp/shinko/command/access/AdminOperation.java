package jp.shinko.command.access;

/** A command that operates the system rather than recording a municipality's progress: admins only. */
public interface AdminOperation {

    /** What the command does, for the message that refuses it, e.g. "register a municipality". */
    String operation();
}
