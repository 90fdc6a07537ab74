package org.probity.oversight.internal;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collections of the review's multi-instance activities, read from the review file:
 * {@code ${oversightMembers.committee(reviewId)}} (everyone who declares) and
 * {@code ${oversightMembers.participants(reviewId)}} (members not recused: findings and votes).
 * The file is the single record of who takes part, so a recusal takes effect everywhere at once.
 */
@Component("oversightMembers")
public class OversightMembers {

  private final OversightReviews reviews;

  OversightMembers(OversightReviews reviews) {
    this.reviews = reviews;
  }

  public List<String> committee(Long reviewId) {
    return reviews.committee(reviewId);
  }

  public List<String> participants(Long reviewId) {
    return reviews.participants(reviewId);
  }
}
