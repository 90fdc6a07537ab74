package org.probity.personnel;

import java.util.Collection;
import java.util.Set;
import org.probity.identity.Role;

/**
 * Who sees what of a person, by role (least privilege). Reading at all is decided by the
 * personnel API's {@code @PreAuthorize}; this decides the parts of a record. Other modules that show
 * personnel (a complaint's subject officers, a vetting case) apply the same rule.
 * <ul>
 *   <li>the decrypted name: the roles that must recognise the person in their work (vetting,
 *       investigation, intake of complaints naming an officer, the oversight committee); auditors
 *       see the pseudonym only, and may not search by name (a hit would tie a name to it);
 *   <li>the status reason and the vetting history (decisions, conditions, case references): the
 *       vetting roles, the oversight committee and auditors; investigators and intake see the
 *       statuses only;
 *   <li>self-identified group values: nobody, per person; only counts in the statistics.
 * </ul>
 */
public final class PersonnelVisibility {

  public static final Set<String> NAMES =
      Set.of(
          Role.VETTING_OFFICERS.id(),
          Role.VETTING_PANEL.id(),
          Role.INVESTIGATORS.id(),
          Role.INTAKE_OFFICERS.id(),
          Role.OVERSIGHT_COMMITTEE.id(),
          Role.COMMITTEE_CHAIR.id());

  public static final Set<String> VETTING_DETAILS =
      Set.of(
          Role.VETTING_OFFICERS.id(),
          Role.VETTING_PANEL.id(),
          Role.OVERSIGHT_COMMITTEE.id(),
          Role.COMMITTEE_CHAIR.id(),
          Role.AUDITORS.id());

  private PersonnelVisibility() {}

  public static boolean seesNames(Collection<String> authorities) {
    return authorities.stream().anyMatch(NAMES::contains);
  }

  public static boolean seesVettingDetails(Collection<String> authorities) {
    return authorities.stream().anyMatch(VETTING_DETAILS::contains);
  }
}
