-- The audit trail: append-only, hash-chained (see org.probity.audit). MySQL flavour; the H2 one
-- differs only in the text type of the details column.
create table audit_entry (
  seq            bigint       not null primary key,
  recorded_at    bigint       not null,
  actor          varchar(64)  not null,
  actor_roles    varchar(500) not null,
  action_code    varchar(64)  not null,
  subject        varchar(255),
  details        mediumtext,
  client_address varchar(64),
  prev_hash      char(64)     not null,
  entry_hash     char(64)     not null
);

create index ix_audit_entry_recorded_at on audit_entry (recorded_at);

-- The chain head: one row, locked (select ... for update) by every writer, so that sequences and
-- previous hashes never fork under concurrency.
create table audit_head (
  id        int      not null primary key,
  last_seq  bigint   not null,
  last_hash char(64) not null
);

insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
