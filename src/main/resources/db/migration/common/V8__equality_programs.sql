-- Equality programs (process equality-program-approval): the proposal, its indicators, the
-- horizontal-inequality matrix per assessment round (missing data recorded, not hidden), the
-- atrocity-risk lens, committee votes, milestones and monitoring reports. The reference
-- (EQP-2026-000001) is derived from the id, hence set just after the insert.
create table equality_program (
  id                  bigint auto_increment primary key,
  reference           varchar(20),
  process_instance_id varchar(64)   not null,
  title               varchar(200)  not null,
  program_type        varchar(40)   not null,
  objectives          varchar(2000) not null,
  target_groups       varchar(1000) not null,
  regions             varchar(1000) not null,
  budget              decimal(19,2) not null,
  currency            char(3)       not null,
  duration_months     int           not null,
  status              varchar(30)   not null,
  revisions           int           default 0 not null,
  equity_score        int,
  score_reasons       varchar(2000),
  risk_rating         varchar(10),
  outcome             varchar(30),
  missed_reports      int           default 0 not null,
  created_by          varchar(64),
  created_at          datetime(3)   not null,
  updated_at          datetime(3)   not null,
  constraint uq_equality_program_reference unique (reference),
  constraint uq_equality_program_instance unique (process_instance_id)
);

create table equality_indicator (
  program_id bigint        not null,
  slot       int           not null,
  name       varchar(200)  not null,
  baseline   decimal(19,4) not null,
  target     decimal(19,4) not null,
  direction  varchar(10)   not null,
  primary key (program_id, slot),
  constraint fk_equality_indicator_program foreign key (program_id) references equality_program (id)
);

create table equality_impact_cell (
  program_id      bigint        not null,
  assessment_round int          not null,
  group_slot      int           not null,
  group_name      varchar(200)  not null,
  dimension       varchar(20)   not null,
  baseline_gap    decimal(9,2),
  expected_change decimal(9,2),
  evidence        varchar(2000),
  data_missing    boolean       not null,
  primary key (program_id, assessment_round, group_slot, dimension),
  constraint fk_equality_cell_program foreign key (program_id) references equality_program (id)
);

create table equality_risk_assessment (
  program_id         bigint        not null,
  assessment_round   int           not null,
  groups_gaining     varchar(1000),
  groups_losing      varchar(1000),
  triggers           varchar(200),
  trigger_notes      varchar(2000),
  risk_factors       varchar(2000),
  resilience_factors varchar(2000),
  mitigation_plan    varchar(2000),
  risk_rating        varchar(10)   not null,
  primary key (program_id, assessment_round),
  constraint fk_equality_risk_program foreign key (program_id) references equality_program (id)
);

create table equality_committee_vote (
  program_id bigint        not null,
  vote_round int           not null,
  member     varchar(64)   not null,
  vote       varchar(10)   not null,
  reason     varchar(2000),
  cast_at    datetime(3)   not null,
  primary key (program_id, vote_round, member),
  constraint fk_equality_vote_program foreign key (program_id) references equality_program (id)
);

create table equality_milestone (
  program_id bigint       not null,
  slot       int          not null,
  title      varchar(200) not null,
  due_date   date         not null,
  primary key (program_id, slot),
  constraint fk_equality_milestone_program foreign key (program_id) references equality_program (id)
);

create table equality_monitoring_report (
  id               bigint auto_increment primary key,
  program_id       bigint        not null,
  indicator1_value decimal(19,4),
  indicator2_value decimal(19,4),
  indicator3_value decimal(19,4),
  harm_observed    boolean       not null,
  harm_signalled   boolean       not null,
  notes            varchar(2000),
  filed_by         varchar(64),
  filed_at         datetime(3)   not null,
  constraint fk_equality_report_program foreign key (program_id) references equality_program (id)
);
