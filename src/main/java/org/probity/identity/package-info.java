/**
 * Identity: user accounts and roles, the one login (Spring Security) for the application, its API,
 * Camunda's REST API and Camunda's webapps, and the Camunda groups and authorizations per role.
 */
package org.probity.identity;
