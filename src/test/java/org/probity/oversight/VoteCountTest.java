package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.probity.oversight.VoteCount.Outcome;

/** The committee's quorum and majority rule, for 1 to 9 members, any number recused, every split. */
class VoteCountTest {

  /** Every committee of 1 to 9 members, every number recused, every split of the votes cast. */
  static Stream<Arguments> everyCommitteeAndSplit() {
    List<Arguments> cases = new ArrayList<>();
    for (int members = 1; members <= 9; members++) {
      for (int recused = 0; recused <= members; recused++) {
        int participants = members - recused;
        for (int votesFor = 0; votesFor <= participants; votesFor++) {
          for (int against = 0; votesFor + against <= participants; against++) {
            for (int abstain = 0; votesFor + against + abstain <= participants; abstain++) {
              cases.add(Arguments.of(members, recused, votesFor, against, abstain));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} members, {1} recused: {2} for, {3} against, {4} abstain")
  @MethodSource("everyCommitteeAndSplit")
  void defaultQuorumIsMoreThanHalfOfTheNonRecusedAndMajorityIgnoresAbstentions(
      int members, int recused, int votesFor, int against, int abstain) {
    VoteCount count = new VoteCount(members, recused, votesFor, against, abstain);
    Quorum quorum = Quorum.moreThanHalf();
    int participants = members - recused;
    int cast = votesFor + against + abstain;
    // the rule stated independently: twice the votes cast exceed the participants
    boolean expectedQuorum = participants > 0 && 2 * cast > participants;
    boolean expectedAdopted = expectedQuorum && votesFor > against;

    assertThat(count.participants()).isEqualTo(participants);
    assertThat(count.quorumReached(quorum)).isEqualTo(expectedQuorum);
    assertThat(count.adopted(quorum)).isEqualTo(expectedAdopted);
    assertThat(count.outcome(quorum))
        .isEqualTo(!expectedQuorum ? Outcome.NO_QUORUM : expectedAdopted ? Outcome.ADOPTED : Outcome.REJECTED);
  }

  @ParameterizedTest(name = "{0} members, {1} recused: {2} for, {3} against, {4} abstain")
  @MethodSource("everyCommitteeAndSplit")
  void aTwoThirdsQuorumCountsTheSameWay(int members, int recused, int votesFor, int against, int abstain) {
    VoteCount count = new VoteCount(members, recused, votesFor, against, abstain);
    int participants = members - recused;
    int cast = votesFor + against + abstain;
    boolean expectedQuorum = participants > 0 && 3 * cast >= 2 * participants;
    assertThat(count.quorumReached(Quorum.atLeast(2, 3))).isEqualTo(expectedQuorum);
    assertThat(count.adopted(Quorum.atLeast(2, 3))).isEqualTo(expectedQuorum && votesFor > against);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # the demo committee: 4 members
          4 members, nobody recused, 3 for 1 against        | 4 | 0 | 3 | 1 | 0 | ADOPTED
          4 members, 2 of 4 voted: no quorum               | 4 | 0 | 2 | 0 | 0 | NO_QUORUM
          4 members, 3 voted, 1 for 1 against 1 abstains  | 4 | 0 | 1 | 1 | 1 | REJECTED
          4 members, 1 for 0 against 2 abstain: adopted   | 4 | 0 | 1 | 0 | 2 | ADOPTED
          4 members, 1 recused, 2 of 3 voted for           | 4 | 1 | 2 | 0 | 0 | ADOPTED
          4 members, 2 recused, 1 of 2 voted: no quorum   | 4 | 2 | 1 | 0 | 0 | NO_QUORUM
          4 members, 2 recused, 2 voted 1-1: tie rejected  | 4 | 2 | 1 | 1 | 0 | REJECTED
          everyone recused: never a quorum                 | 4 | 4 | 0 | 0 | 0 | NO_QUORUM
          1 member votes for                               | 1 | 0 | 1 | 0 | 0 | ADOPTED
          1 member abstains                                | 1 | 0 | 0 | 0 | 1 | REJECTED
          9 members, 4 recused, 3 abstain: quorum, no majority | 9 | 4 | 0 | 0 | 3 | REJECTED
          9 members, 5 voted 3-2                           | 9 | 0 | 3 | 2 | 0 | ADOPTED
          9 members, 4 voted for: no quorum                | 9 | 0 | 4 | 0 | 0 | NO_QUORUM
          """)
  void namedCases(String name, int members, int recused, int votesFor, int against, int abstain, Outcome outcome) {
    assertThat(new VoteCount(members, recused, votesFor, against, abstain).outcome(Quorum.moreThanHalf()))
        .isEqualTo(outcome);
  }

  @ParameterizedTest(name = "{0} of {1} participants: {2}")
  @CsvSource({
    "more-than-half, 1, 1", "more-than-half, 2, 2", "more-than-half, 3, 2", "more-than-half, 4, 3",
    "more-than-half, 9, 5", "at-least:2/3, 3, 2", "at-least:2/3, 4, 3", "at-least:2/3, 9, 6",
    "more-than:2/3, 9, 7", "at-least:1/1, 5, 5", "at-least:0/1, 5, 1", "more-than-half, 0, 1"
  })
  void votesRequired(String quorum, int participants, int required) {
    assertThat(Quorum.parse(quorum).votesRequired(participants)).isEqualTo(required);
  }

  @Test
  void quorumTextRoundTrips() {
    for (String text : List.of("more-than-half", "more-than:2/3", "at-least:3/4")) {
      assertThat(Quorum.parse(text).toString()).isEqualTo(text);
    }
    assertThat(Quorum.parse(" More-Than-Half ")).isEqualTo(Quorum.moreThanHalf());
  }

  @Test
  void impossibleCountsAndQuorumsAreRefused() {
    assertThatThrownBy(() -> new VoteCount(3, 4, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VoteCount(3, 1, 2, 1, 0)).hasMessageContaining("More votes cast");
    assertThatThrownBy(() -> new VoteCount(3, 0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.parse("half")).hasMessageContaining("more-than-half");
    assertThatThrownBy(() -> Quorum.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.atLeast(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.moreThan(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.atLeast(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
