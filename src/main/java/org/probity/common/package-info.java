/**
 * Small shared pieces every module may use: engine wiring that is not a feature, error answers.
 * Kept deliberately small; a feature's logic lives in its own module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.probity.common;
