package org.probity.personnel;

/** The security institution a person serves in. */
public enum Institution {
  POLICE,
  MILITARY,
  GENDARMERIE,
  PRISON_SERVICE,
  INTELLIGENCE,
  OTHER
}
