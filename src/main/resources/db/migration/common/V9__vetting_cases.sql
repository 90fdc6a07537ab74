-- Vetting cases of the process personnel-vetting. No personal data here: the person is named by
-- service number only (the name stays encrypted in the personnel registry).
create table vetting_case (
  reference            varchar(40)   not null primary key,
  reference_year       int           not null,
  reference_seq        int           not null,
  service_number       varchar(32)   not null,
  reason               varchar(32)   not null,
  complaint_references varchar(2000),
  process_instance_id  varchar(64),
  status               varchar(16)   not null,
  status_note          varchar(500),
  outcome              varchar(24),
  opened_at            datetime(3)   not null,
  opened_by            varchar(64)   not null,
  concluded_at         datetime(3),
  constraint uq_vetting_case_seq unique (reference_year, reference_seq)
);

create index ix_vetting_case_service_number on vetting_case (service_number);

-- records requests to institutions (courts, anti-corruption body, human-rights commission, internal
-- affairs): one row per institution and case, with the reminder and the answer or "no answer"
create table vetting_records_request (
  case_reference  varchar(40)   not null,
  institution     varchar(40)   not null,
  requested_at    datetime(3)   not null,
  reminded_at     datetime(3),
  answered_at     datetime(3),
  result          varchar(16),
  reply_reference varchar(80),
  reply_summary   varchar(4000),
  primary key (case_reference, institution),
  constraint fk_vetting_records_request foreign key (case_reference) references vetting_case (reference)
);

-- notices sent to the person (declarations returned, adverse information, decision) and their deadlines
create table vetting_notice (
  id             varchar(36)   not null primary key,
  case_reference varchar(40)   not null,
  kind           varchar(40)   not null,
  sent_at        datetime(3)   not null,
  respond_by     datetime(3),
  constraint fk_vetting_notice foreign key (case_reference) references vetting_case (reference)
);

create index ix_vetting_notice_case on vetting_notice (case_reference, sent_at);
