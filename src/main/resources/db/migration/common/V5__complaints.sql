-- Complaint handling (process complaint-handling). Personal data (complainant name and contacts,
-- the narrative, the officer's name, appeal reasons) is stored encrypted (PersonalDataCipher,
-- columns *_enc); the public receipt code only as its SHA-256 hash.

create table complaint_reference_counter (
  counter_year int not null primary key,
  last_value   int not null
);

create table complaint (
  reference             varchar(20)   not null primary key,
  process_instance_id   varchar(64),
  received_at           datetime(3)   not null,
  channel               varchar(20)   not null,
  incident_date         date,
  incident_location     varchar(200)  not null,
  narrative_enc         text          not null,
  status                varchar(40)   not null,
  registered_by         varchar(64),
  acknowledged_at       datetime(3),
  recommended_route     varchar(40),
  route                 varchar(40),
  route_override_reason varchar(2000),
  investigator          varchar(64),
  investigation_due     datetime(3),
  committee_decision    varchar(40),
  outcome_notified_at   datetime(3),
  appeal_deadline       datetime(3),
  disposition           varchar(40),
  closed_at             datetime(3)
);
create index ix_complaint_process on complaint (process_instance_id);
create index ix_complaint_received on complaint (received_at);

create table complaint_receipt (
  receipt_hash char(64)    not null primary key,
  reference    varchar(20) not null,
  issued_at    datetime(3) not null,
  constraint fk_complaint_receipt foreign key (reference) references complaint (reference)
);

create table complaint_complainant (
  reference       varchar(20)  not null primary key,
  complainant_mode varchar(20) not null,
  name_enc        varchar(1000),
  email_enc       varchar(1000),
  phone_enc       varchar(1000),
  -- self-identified, optional, for disparity analysis; values from configurable lists
  group_ethnicity varchar(80),
  group_religion  varchar(80),
  group_region    varchar(80),
  group_gender    varchar(80),
  constraint fk_complaint_complainant foreign key (reference) references complaint (reference)
);

create table complaint_subject (
  reference      varchar(20)  not null primary key,
  service_number varchar(40),
  name_enc       varchar(1000),
  unit           varchar(120) not null,
  rank_title     varchar(60),
  institution    varchar(40)  not null,
  constraint fk_complaint_subject foreign key (reference) references complaint (reference)
);
create index ix_complaint_subject_service on complaint_subject (service_number);

create table complaint_allegation (
  reference      varchar(20)  not null,
  position_no    int          not null,
  allegation_type varchar(40) not null,
  severity       varchar(20)  not null,
  finding        varchar(30),
  finding_reason varchar(4000),
  finding_by     varchar(64),
  finding_at     datetime(3),
  primary key (reference, position_no),
  constraint fk_complaint_allegation foreign key (reference) references complaint (reference)
);

-- every notice to the complainant, whichever channel delivered it (e-mail, portal, or record only)
create table complaint_notice (
  id         varchar(36)   not null primary key,
  reference  varchar(20)   not null,
  kind       varchar(30)   not null,
  channel    varchar(20)   not null,
  created_at datetime(3)   not null,
  notice_text varchar(4000) not null,
  delivered  boolean       not null,
  constraint fk_complaint_notice foreign key (reference) references complaint (reference)
);
create index ix_complaint_notice_ref on complaint_notice (reference, created_at);

-- each decision on the case with who took it and why (triage, local resolution, committee, appeal, chair)
create table complaint_decision (
  id         varchar(36)   not null primary key,
  reference  varchar(20)   not null,
  step       varchar(60)   not null,
  decision   varchar(60)   not null,
  reasons    varchar(4000),
  decided_by varchar(64),
  decided_at datetime(3)   not null,
  constraint fk_complaint_decision foreign key (reference) references complaint (reference)
);
create index ix_complaint_decision_ref on complaint_decision (reference, decided_at);

create table complaint_assignment (
  id          varchar(36)  not null primary key,
  reference   varchar(20)  not null,
  username    varchar(64)  not null,
  assigned_at datetime(3)  not null,
  assigned_by varchar(64),
  reason      varchar(200) not null,
  constraint fk_complaint_assignment foreign key (reference) references complaint (reference)
);
create index ix_complaint_assignment_ref on complaint_assignment (reference);
create index ix_complaint_assignment_user on complaint_assignment (username);

create table complaint_conflict (
  reference   varchar(20)   not null,
  username    varchar(64)   not null,
  declared_at datetime(3)   not null,
  reason      varchar(2000) not null,
  primary key (reference, username),
  constraint fk_complaint_conflict foreign key (reference) references complaint (reference)
);

create table complaint_extension (
  id           varchar(36)   not null primary key,
  reference    varchar(20)   not null,
  requested_by varchar(64),
  requested_at datetime(3)   not null,
  reason       varchar(2000) not null,
  previous_due datetime(3),
  new_due      datetime(3)   not null,
  constraint fk_complaint_extension foreign key (reference) references complaint (reference)
);

create table complaint_appeal (
  id         varchar(36) not null primary key,
  reference  varchar(20) not null,
  lodged_at  datetime(3) not null,
  channel    varchar(20) not null,
  lodged_by  varchar(64),
  reason_enc text        not null,
  constraint fk_complaint_appeal foreign key (reference) references complaint (reference)
);

-- requests for a vetting review of an officer who crossed the pattern threshold; delivery says
-- whether a running vetting process took it (correlated), one was started, or it waits here (recorded)
create table complaint_vetting_request (
  id             varchar(36)  not null primary key,
  reference      varchar(20)  not null,
  service_number varchar(40)  not null,
  requested_at   datetime(3)  not null,
  reason         varchar(400) not null,
  delivery       varchar(20)  not null,
  constraint fk_complaint_vetting foreign key (reference) references complaint (reference)
);
create index ix_complaint_vetting_service on complaint_vetting_request (service_number);
