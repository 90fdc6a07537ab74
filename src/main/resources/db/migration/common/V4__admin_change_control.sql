-- Change control of process definitions: a change is a draft with a change note; it is deployed
-- only when approved (by a second process administrator unless configured otherwise).
create table admin_draft (
  id                     varchar(36)   not null primary key,
  process_key            varchar(255)  not null,
  resource_name          varchar(255)  not null,
  bpmn_xml               mediumtext    not null,
  change_note            varchar(2000) not null,
  author                 varchar(64)   not null,
  created_at             datetime(3)   not null,
  -- the deployed definition the draft was written against (null for a new process)
  base_definition_id     varchar(64),
  -- PENDING, DEPLOYED, REJECTED
  status                 varchar(16)   not null,
  deployment_id          varchar(64),
  deployed_definition_id varchar(64)
);

create index ix_admin_draft_key_status on admin_draft (process_key, status);

-- each decision on a draft (approval or rejection), by whom and why
create table admin_draft_decision (
  draft_id   varchar(36)   not null,
  decided_by varchar(64)   not null,
  decision   varchar(16)   not null,
  note       varchar(2000),
  decided_at datetime(3)   not null,
  primary key (draft_id, decided_by),
  constraint fk_admin_draft_decision_draft foreign key (draft_id) references admin_draft (id) on delete cascade
);
