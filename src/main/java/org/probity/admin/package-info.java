/**
 * Process administration: validation of every BPMN, DMN and form before the engine deploys it
 * (whichever door it comes through), change control for process changes (draft, diff, approval by
 * a second administrator, deployment), migration of running instances, and the operations on
 * incidents and instances that Community Cockpit lacks. Its JSON API lives under
 * {@code /api/admin} and is for process administrators only.
 */
package org.probity.admin;
