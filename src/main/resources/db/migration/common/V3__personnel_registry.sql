-- The personnel registry: security personnel who can be vetted or named in complaints.
-- The full name is personal data: stored only encrypted (AES-GCM, context "personnel.name"); to find
-- people by name without storing it in clear, keyed blind indexes (HMAC) of the normalised name and
-- of each of its tokens are stored. Self-identified group values are encrypted too (one context per
-- dimension) and used only for composition statistics.
create table personnel (
  id                varchar(36)   not null primary key,
  service_number    varchar(32)   not null,
  name_encrypted    varchar(1500) not null,
  name_index        char(64)      not null,
  institution       varchar(24)   not null,
  unit              varchar(120)  not null,
  rank_title        varchar(80)   not null,
  entry_date        date          not null,
  status            varchar(16)   not null,
  status_reason     varchar(500),
  status_changed_at datetime(3),
  status_changed_by varchar(64),
  vetting_status    varchar(24)   not null,
  next_review_date  date,
  group_ethnicity   varchar(600),
  group_religion    varchar(600),
  group_region      varchar(600),
  group_gender      varchar(600),
  registered_at     datetime(3)   not null,
  registered_by     varchar(64)   not null,
  constraint uq_personnel_service_number unique (service_number)
);

create index ix_personnel_unit on personnel (unit);
create index ix_personnel_name_index on personnel (name_index);

-- one row per distinct normalised token of the name (blind index), for search by any part of it
create table personnel_name_token (
  personnel_id varchar(36) not null,
  token_index  char(64)    not null,
  primary key (personnel_id, token_index),
  constraint fk_personnel_name_token foreign key (personnel_id) references personnel (id) on delete cascade
);

create index ix_personnel_name_token on personnel_name_token (token_index);

-- vetting history: append-only (the application inserts rows and never updates or deletes them)
create table personnel_vetting (
  id             varchar(36)   not null primary key,
  personnel_id   varchar(36)   not null,
  decided_on     date          not null,
  outcome        varchar(24)   not null,
  case_reference varchar(40)   not null,
  conditions     varchar(2000),
  review_date    date,
  recorded_at    datetime(3)   not null,
  recorded_by    varchar(64)   not null,
  constraint fk_personnel_vetting foreign key (personnel_id) references personnel (id)
);

create index ix_personnel_vetting_personnel on personnel_vetting (personnel_id, recorded_at);
