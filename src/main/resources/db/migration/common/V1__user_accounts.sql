-- Probity's user accounts: the one source of truth for people and roles (Spring Security
-- authenticates against it; Camunda reads it through a read-only identity provider).
create table app_user (
  username      varchar(64)  not null primary key,
  password_hash varchar(255) not null,
  display_name  varchar(200) not null,
  email         varchar(254),
  unit          varchar(120),
  enabled       boolean      default true not null,
  created_at    datetime(3)  not null
);

create table app_user_role (
  username varchar(64) not null,
  role_id  varchar(64) not null,
  primary key (username, role_id),
  constraint fk_app_user_role_user foreign key (username) references app_user (username) on delete cascade
);

create index ix_app_user_role_role on app_user_role (role_id);
