package org.probity.oversight;

/**
 * The count of a committee vote. Minimal stand-in created on the equality branch only so that
 * {@code org.probity.equality} compiles against the call it shares with the oversight review; the
 * oversight module's own implementation (quorum and majority rules) replaces this file at merge.
 * Here: recused members are not eligible; quorum is a majority of the remaining members taking
 * part (for, against or abstaining); a motion is adopted with quorum and more votes for than against.
 */
public record VoteCount(int eligible, int recused, int votesFor, int votesAgainst, int abstentions) {

  public static VoteCount of(int eligible, int recused, int votesFor, int votesAgainst, int abstentions) {
    return new VoteCount(eligible, recused, votesFor, votesAgainst, abstentions);
  }

  public boolean quorumReached() {
    int voting = eligible - recused;
    return voting > 0 && (votesFor + votesAgainst + abstentions) * 2 > voting;
  }

  public boolean adopted() {
    return quorumReached() && votesFor > votesAgainst;
  }
}
