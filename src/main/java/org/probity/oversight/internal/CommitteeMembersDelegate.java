package org.probity.oversight.internal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.probity.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The members who must declare: every enabled member of {@code oversight-committee} when the
 * review becomes admissible, written to the review file, which the declaration multi-instance
 * reads ({@code ${oversightMembers.committee(reviewId)}}).
 */
@Component("oversightCommitteeMembersDelegate")
class CommitteeMembersDelegate implements JavaDelegate {

  private final OversightReviews reviews;
  private final UserDirectory directory;

  CommitteeMembersDelegate(OversightReviews reviews, UserDirectory directory) {
    this.reviews = reviews;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    List<String> members = directory.membersOf(Role.OVERSIGHT_COMMITTEE).stream().map(UserAccount::username).toList();
    reviews.inviteMembers(id, members);
    reviews.setStatus(id, "declarations");
    execution.setVariable("committeeSize", members.size());
  }
}
