-- Emptying the table is changing stored events too: TRUNCATE fires no update or delete trigger, so it is
-- refused by a trigger of its own, even for the role that owns the table (least privilege: only a superuser
-- who disables triggers could, and the hash chain would show it).
create trigger domain_event_entry_no_truncate before truncate on domain_event_entry
    for each statement execute function refuse_change();
