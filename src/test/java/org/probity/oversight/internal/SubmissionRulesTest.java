package org.probity.oversight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.common.forms.Submission;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The oversight review's cross-field rules, against a review file in the database. */
@ProbityTest
class SubmissionRulesTest {

  @Autowired OversightReviews reviews;
  @Autowired ParticipationRule participation;
  @Autowired RulingRule ruling;
  @Autowired TermsAndInquiryRule terms;
  @Autowired RecommendationRule recommendations;
  @Autowired JdbcTemplate jdbc;

  private long reviewWithMember3Recused() {
    long id = reviews.open("rules-test-" + System.nanoTime(), "own-motion", null, "Police", "North", "test");
    reviews.inviteMembers(id, List.of("chair", "member1", "member2", "member3"));
    reviews.recordRuling(id, "member3", OversightReviews.RECUSE, "Former service", "chair");
    return id;
  }

  private static Submission submission(String activity, String user, Map<String, Object> values, Long reviewId) {
    Map<String, Object> variables = new HashMap<>();
    if (reviewId != null) {
      variables.put("reviewId", reviewId);
    }
    return new Submission("oversight-review", activity, user, List.of("oversight-committee"), values, variables);
  }

  @Test
  void aRecusedMemberCannotSubmitFindingsOrVotes() {
    long id = reviewWithMember3Recused();
    assertThat(participation.check(submission("UserTask_RecordFindings", "member3", Map.of("findings", "x"), id)))
        .containsEntry("findings", "You are recused from this review and cannot submit findings");
    assertThat(participation.check(submission("UserTask_VoteOnReport", "member3", Map.of("vote", "for"), id)))
        .containsKey("vote");
    assertThat(participation.check(submission("UserTask_VoteOnReport", "investigator", Map.of("vote", "for"), id)))
        .containsEntry("vote", "Only members taking part in this review can submit a vote");
    assertThat(participation.check(submission("UserTask_VoteOnReport", "member1", Map.of("vote", "for"), id))).isEmpty();
    assertThat(participation.check(submission("UserTask_RecordFindings", "member1", Map.of("findings", "x"), id))).isEmpty();
  }

  @Test
  void aVoteMustBeForAgainstOrAbstain() {
    long id = reviewWithMember3Recused();
    assertThat(participation.check(submission("UserTask_VoteOnReport", "member1", Map.of("vote", "maybe"), id)))
        .containsEntry("vote", "A vote must be one of for, against, abstain");
    for (String vote : List.of("for", "against", "abstain")) {
      assertThat(participation.check(submission("UserTask_VoteOnReport", "member1", Map.of("vote", vote), id))).isEmpty();
    }
    assertThat(participation.appliesTo("oversight-review", "UserTask_DraftReport")).isFalse();
    assertThat(participation.appliesTo("equality-program-approval", "UserTask_VoteOnReport")).isFalse();
  }

  @Test
  void aRecusalNamesItsReasonAndADeclaredConflictIsDescribed() {
    assertThat(ruling.check(submission("UserTask_RuleOnDeclaration", "chair", Map.of("ruling", "recuse"), null)))
        .containsEntry("rulingReason", "A recusal must name its reason");
    assertThat(ruling.check(submission("UserTask_RuleOnDeclaration", "chair", Map.of("ruling", "recuse", "rulingReason", "  "), null)))
        .containsKey("rulingReason");
    assertThat(ruling.check(submission("UserTask_RuleOnDeclaration", "chair", Map.of("ruling", "recuse", "rulingReason", "Kin"), null)))
        .isEmpty();
    assertThat(ruling.check(submission("UserTask_RuleOnDeclaration", "chair", Map.of("ruling", "participate"), null))).isEmpty();
    assertThat(ruling.check(submission("UserTask_RuleOnDeclaration", "chair", Map.of("ruling", "sometimes"), null))).containsKey("ruling");
    assertThat(ruling.check(submission("UserTask_DeclareInterests", "member1", Map.of("conflictDeclared", "conflict"), null)))
        .containsKey("declarationDetails");
    assertThat(ruling.check(submission("UserTask_DeclareInterests", "member1", Map.of("conflictDeclared", "none"), null))).isEmpty();
  }

  @Test
  void termsOfReferenceAndInquiryStepsNeedTheirFields() {
    String tomorrow = LocalDate.now().plusDays(1).toString();
    String yesterday = LocalDate.now().minusDays(1).toString();
    assertThat(terms.check(submission("UserTask_AssessAdmissibility", "chair", Map.of("admissibility", "inadmissible"), null)))
        .containsOnlyKeys("inadmissibilityReasons");
    assertThat(terms.check(submission("UserTask_AssessAdmissibility", "chair",
            Map.of("admissibility", "admissible", "institution", "P", "unit", "U", "scope", "S", "reportDeadline", yesterday), null)))
        .containsOnlyKeys("questions", "reportDeadline");
    assertThat(terms.check(submission("UserTask_AssessAdmissibility", "chair",
            Map.of("admissibility", "admissible", "institution", "P", "unit", "U", "scope", "S", "questions", "Q", "reportDeadline", tomorrow), null)))
        .isEmpty();
    assertThat(terms.check(submission("UserTask_ConductInquiry", "chair",
            Map.of("inquiryStep", "information-request", "requestSubject", "Logs", "requestDeadline", LocalDate.now().toString()), null)))
        .containsOnlyKeys("requestDeadline");
    assertThat(terms.check(submission("UserTask_ConductInquiry", "chair",
            Map.of("inquiryStep", "visit-or-hearing", "recordKind", "party", "recordDate", tomorrow), null)))
        .containsOnlyKeys("recordKind", "recordDate", "piiAttendees", "recordSummary");
    assertThat(terms.check(submission("UserTask_ConductInquiry", "chair", Map.of("inquiryStep", "complete"), null))).isEmpty();
  }

  @Test
  void responsesAndFollowUpsNameOpenRecommendationsOfThisReview() {
    long id = reviewWithMember3Recused();
    reviews.addRecommendation(id, "One", "Chief", LocalDate.now().plusDays(30));
    reviews.addRecommendation(id, "Two", "Chief", LocalDate.now().plusDays(30));
    reviews.setRecommendationStatus(id, 2, "implemented", null);
    String response = "UserTask_RecordInstitutionResponse";
    assertThat(recommendations.check(submission(response, "chair", Map.of("institutionResponse", "rejected-some"), id)))
        .containsEntry("rejectedRecommendations", "Name the rejected recommendations by number");
    assertThat(recommendations.check(submission(response, "chair",
            Map.of("institutionResponse", "rejected-some", "rejectedRecommendations", "1, x"), id)))
        .containsEntry("rejectedRecommendations", "'x' is not a recommendation number; write numbers like 1, 3");
    assertThat(recommendations.check(submission(response, "chair",
            Map.of("institutionResponse", "rejected-some", "rejectedRecommendations", "2"), id)).get("rejectedRecommendations"))
        .contains("not an open recommendation");
    assertThat(recommendations.check(submission(response, "chair",
            Map.of("institutionResponse", "accepted-all", "rejectedRecommendations", "1"), id)))
        .containsKey("rejectedRecommendations");
    assertThat(recommendations.check(submission(response, "chair",
            Map.of("institutionResponse", "rejected-some", "rejectedRecommendations", "1"), id))).isEmpty();
    assertThat(recommendations.check(submission("UserTask_ReviewFollowUp", "chair",
            Map.of("implementedRecommendations", "1", "rejectedInFollowUp", "1"), id)))
        .containsKey("rejectedInFollowUp");
    assertThat(recommendations.check(submission("UserTask_ReviewFollowUp", "chair", Map.of("implementedRecommendations", "1"), id))).isEmpty();
    assertThat(recommendations.check(submission("UserTask_AddRecommendation", "chair",
            Map.of("recommendationDeadline", LocalDate.now().toString()), id)))
        .containsKey("recommendationDeadline");
  }
}
