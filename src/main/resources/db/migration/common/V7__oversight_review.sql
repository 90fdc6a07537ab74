-- Civilian oversight reviews (process oversight-review). Camunda runs the process; these tables
-- are the review's file: terms of reference, members and recusals, inquiry, findings, votes,
-- recommendations. Personal data (who was heard) is stored encrypted.

-- institutions due for periodic review; the scheduled start picks the most overdue one
create table oversight_schedule (
  institution     varchar(200) not null,
  unit            varchar(200) not null,
  interval_months int          not null check (interval_months > 0),
  next_due        date         not null,
  primary key (institution, unit)
);

create table oversight_review (
  id                  bigint auto_increment primary key,
  reference           varchar(32)  not null,
  process_instance_id varchar(64)  not null,
  trigger_kind        varchar(32)  not null,
  complaint_reference varchar(64),
  institution         varchar(200),
  unit                varchar(200),
  reason              text,
  scope               text,
  questions           text,
  report_deadline     date,
  status              varchar(32)  not null,
  status_reason       text,
  draft_report        text,
  draft_round         int          default 0 not null,
  special_report      text,
  special_decision    varchar(32),
  response_summary    text,
  final_report        text,
  created_at          datetime(3)  not null,
  closed_at           datetime(3),
  constraint uq_oversight_review_reference unique (reference),
  constraint uq_oversight_review_instance unique (process_instance_id)
);

-- every member of the committee when the review opened: declaration, the chair's ruling
create table oversight_member (
  review_id         bigint       not null,
  username          varchar(64)  not null,
  conflict_declared boolean,
  declaration       text,
  declared_at       datetime(3),
  ruling            varchar(16),
  ruling_reason     text,
  ruled_by          varchar(64),
  ruled_at          datetime(3),
  primary key (review_id, username),
  constraint fk_oversight_member_review foreign key (review_id) references oversight_review (id)
);

-- information requests to the institution, site visits and hearings
create table oversight_inquiry (
  id            bigint auto_increment primary key,
  review_id     bigint       not null,
  kind          varchar(32)  not null,
  subject       text         not null,
  event_date    date,
  attendees_enc text,
  deadline_at   datetime(3),
  reminded_at   datetime(3),
  escalated_at  datetime(3),
  answered_at   datetime(3),
  answer        text,
  status        varchar(32)  not null,
  recorded_by   varchar(64),
  recorded_at   datetime(3)  not null,
  constraint fk_oversight_inquiry_review foreign key (review_id) references oversight_review (id)
);
create index ix_oversight_inquiry_review on oversight_inquiry (review_id);

create table oversight_finding (
  review_id   bigint      not null,
  username    varchar(64) not null,
  findings    text        not null,
  recorded_at datetime(3) not null,
  primary key (review_id, username),
  constraint fk_oversight_finding_review foreign key (review_id) references oversight_review (id)
);

-- one row per member per voting round (round = draft_round of the report voted on)
create table oversight_vote (
  review_id bigint      not null,
  round_no  int         not null,
  username  varchar(64) not null,
  vote      varchar(16) not null,
  cast_at   datetime(3) not null,
  primary key (review_id, round_no, username),
  constraint fk_oversight_vote_review foreign key (review_id) references oversight_review (id)
);

-- the computed result of each round
create table oversight_vote_result (
  review_id      bigint      not null,
  round_no       int         not null,
  eligible       int         not null,
  recused        int         not null,
  votes_for      int         not null,
  votes_against  int         not null,
  abstentions    int         not null,
  quorum_rule    varchar(32) not null,
  outcome        varchar(16) not null,
  counted_at     datetime(3) not null,
  primary key (review_id, round_no),
  constraint fk_oversight_vote_result_review foreign key (review_id) references oversight_review (id)
);

create table oversight_recommendation (
  id          bigint auto_increment primary key,
  review_id   bigint       not null,
  seq_no      int          not null,
  body        text         not null,
  addressee   varchar(200) not null,
  deadline    date         not null,
  status      varchar(16)  not null,
  status_note text,
  updated_at  datetime(3)  not null,
  constraint uq_oversight_recommendation unique (review_id, seq_no),
  constraint fk_oversight_recommendation_review foreign key (review_id) references oversight_review (id)
);
