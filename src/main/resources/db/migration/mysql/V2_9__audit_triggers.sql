-- The audit trail is append-only: the database itself refuses to change or remove an entry.
-- (Someone with the rights to drop these triggers can still tamper; the hash chain shows it.)
create trigger audit_entry_no_update before update on audit_entry
for each row signal sqlstate '45000' set message_text = 'audit_entry is append-only: UPDATE refused';

create trigger audit_entry_no_delete before delete on audit_entry
for each row signal sqlstate '45000' set message_text = 'audit_entry is append-only: DELETE refused';
