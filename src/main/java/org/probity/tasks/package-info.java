/**
 * Tasks and cases: the officials' inbox (their tasks and their groups' unclaimed tasks), the task
 * page (the task's Camunda Form rendered on the server from the deployed {@code .form} JSON), the
 * case workspace (data, timeline, tasks, decisions, related cases, notes, documents) and case
 * search. Works generically over Camunda (task queries, history, business keys) for any process.
 *
 * <p>Feature modules add what they know about a case by implementing {@link
 * org.probity.tasks.CaseViewContributor} as a Spring bean.
 */
package org.probity.tasks;
