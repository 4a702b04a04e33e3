package ai.clavata.sdk.model;

/** The one rule for reading a verdict: the review result first, the deprecated field second. */
final class Verdicts {
  private Verdicts() {}

  static Outcome outcome(ReviewResult reviewResult, Outcome deprecatedResult) {
    if (reviewResult != null && reviewResult.outcome() != Outcome.UNSPECIFIED) {
      return reviewResult.outcome();
    }
    return deprecatedResult;
  }

  static double score(ReviewResult reviewResult) {
    return reviewResult != null ? reviewResult.score() : 0.0;
  }
}
