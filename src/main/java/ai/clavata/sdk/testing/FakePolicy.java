package ai.clavata.sdk.testing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One label of a {@link FakeClavataServer} policy, matched deterministically: by keywords (whole
 * words, any case) or by a regular expression. A match scores {@link #score()} (0.9 unless set);
 * anything else scores 0.05.
 *
 * <pre>{@code
 * server.policy("policy-1",
 *     FakePolicy.keywords("Threats", "kill", "bomb"),
 *     FakePolicy.regex("Spam", "(?i)buy now|free money").withScore(0.75));
 * }</pre>
 */
public final class FakePolicy {
  /** The score of content that does not match. */
  public static final double NO_MATCH_SCORE = 0.05;

  private final String label;
  private final Pattern pattern;
  private final double score;

  private FakePolicy(String label, Pattern pattern, double score) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a fake policy label needs a name");
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be between 0 and 1, but was " + score);
    }
    this.label = label;
    this.pattern = pattern;
    this.score = score;
  }

  /**
   * A label that matches content containing any of the words, as whole words in any case.
   *
   * @param label the label's name
   * @param words the words
   * @return the label
   */
  public static FakePolicy keywords(String label, String... words) {
    if (words.length == 0) {
      throw new IllegalArgumentException("label " + label + " needs at least one keyword");
    }
    StringBuilder regex = new StringBuilder("(?iu)\\b(?:");
    for (int i = 0; i < words.length; i++) {
      regex.append(i == 0 ? "" : "|").append(Pattern.quote(Objects.requireNonNull(words[i])));
    }
    return new FakePolicy(label, Pattern.compile(regex.append(")\\b").toString()), 0.9);
  }

  /**
   * A label that matches content in which the regular expression finds a match.
   *
   * @param label the label's name
   * @param regex the expression, as for {@link Pattern#compile(String)}
   * @return the label
   */
  public static FakePolicy regex(String label, String regex) {
    return new FakePolicy(label, Pattern.compile(regex), 0.9);
  }

  /**
   * This label with another match score.
   *
   * @param score the score of a match, 0 to 1
   * @return a new label
   */
  public FakePolicy withScore(double score) {
    return new FakePolicy(label, pattern, score);
  }

  /**
   * The label's name.
   *
   * @return the name
   */
  public String label() {
    return label;
  }

  /**
   * The score of a match.
   *
   * @return the score
   */
  public double score() {
    return score;
  }

  /** The score this label gives {@code text}. */
  double scoreOf(String text) {
    return text != null && pattern.matcher(text).find() ? score : NO_MATCH_SCORE;
  }

  /** What a matched assertion says. */
  String assertion() {
    return "content matches /" + pattern.pattern().toLowerCase(Locale.ROOT) + "/";
  }

  static List<FakePolicy> requireLabels(FakePolicy... labels) {
    if (labels.length == 0) {
      throw new IllegalArgumentException("a fake policy needs at least one label");
    }
    return List.of(labels);
  }
}
