package org.probity.personnel;

import java.util.Optional;

/**
 * The personnel registry. Every change checks its input first and stores nothing when a rule is
 * broken ({@link org.probity.common.InvalidInputException}, naming each field).
 */
public interface PersonnelRegistry {

  /**
   * Registers a person: status active, not vetted.
   *
   * @throws DuplicateServiceNumberException when the service number is already registered
   * @throws org.probity.common.InvalidInputException when a field breaks its rule
   */
  PersonnelRecord register(NewPersonnel registration, String registeredBy);

  /** The person with this service number (normalised first). */
  Optional<PersonnelRecord> find(String serviceNumber);

  PersonnelPage search(PersonnelQuery query);

  /** Changes the service status; the reason (required, up to 500 characters) is kept with it. */
  PersonnelRecord updateStatus(String serviceNumber, PersonnelStatus status, String reason, String changedBy);

  /** Marks that a vetting of the person has started. */
  PersonnelRecord markVettingInProgress(String serviceNumber, String changedBy);

  /** Appends a vetting outcome to the history and sets the vetting status (and the next review date). */
  PersonnelRecord recordVettingOutcome(String serviceNumber, VettingDecision decision, String recordedBy);

  /** Composition of active personnel by unit and group, small cells suppressed. */
  CompositionStatistics compositionStatistics();
}
