-- Notes on a case (tasks module): append-only; a note is never edited or deleted by the application.
create table case_note (
  id           varchar(36)   not null primary key,
  business_key varchar(255)  not null,
  author       varchar(64)   not null,
  created_at   datetime(3)   not null,
  body         varchar(4000) not null
);

create index ix_case_note_case on case_note (business_key, created_at);
