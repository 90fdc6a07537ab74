package org.probity.common;

import java.lang.reflect.Field;

/**
 * Reads the arguments of Camunda's engine commands ({@code CompleteTaskCmd.variables},
 * {@code DeleteDeploymentCmd.deploymentId}, ...): Camunda keeps them in protected fields without
 * getters. One place for this reflection, used by the engine hooks that inspect commands (form
 * validation, audit); a Camunda upgrade that renames a field fails loudly here, and in their tests.
 */
public final class CamundaCommandFields {

  private CamundaCommandFields() {}

  /** The value of the named field, declared by the command's class or one of its superclasses. */
  @SuppressWarnings("unchecked")
  public static <V> V read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of Camunda's " + command.getClass().getSimpleName(), e);
      }
    }
    throw new IllegalStateException("Camunda's " + command.getClass().getSimpleName() + " has no field " + name);
  }
}
