-- Documents attached to a case (tasks module): the bytes, their SHA-256, the type found by content
-- sniffing, the size and who uploaded them. Append-only like notes.
create table case_document (
  id           varchar(36)  not null primary key,
  business_key varchar(255) not null,
  file_name    varchar(255) not null,
  content_type varchar(120) not null,
  size_bytes   bigint       not null,
  sha256       char(64)     not null,
  uploaded_by  varchar(64)  not null,
  uploaded_at  datetime(3)  not null,
  content      blob         not null
);

create index ix_case_document_case on case_document (business_key, uploaded_at);
