package ai.clavata.sdk.internal;

import ai.clavata.sdk.model.ContentData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every evaluation request's builder collects (policy, content, threshold, expedited,
 * options), for the builders of {@code CreateJobRequest} and {@code EvaluateRequest}, which each
 * declare their own documented setters and delegate here. The request records validate the whole at
 * {@code build()}.
 */
public final class EvaluationFields {
  private String policyId;
  private final List<ContentData> contentData = new ArrayList<>();
  private Double threshold;
  private Boolean expedited;
  private final Map<String, String> options = new LinkedHashMap<>();

  /** Sets the policy id. */
  public void policyId(String policyId) {
    this.policyId = policyId;
  }

  /** Adds one item, refusing {@code null}. */
  public void addContent(ContentData item) {
    contentData.add(Objects.requireNonNull(item, "content item must not be null"));
  }

  /** Sets the threshold; the record checks its range. */
  public void threshold(double threshold) {
    this.threshold = threshold;
  }

  /** Sets the expedited flag. */
  public void expedited(boolean expedited) {
    this.expedited = expedited;
  }

  /** Sets an option, refusing a {@code null} key or value. */
  public void option(String key, String value) {
    options.put(
        Objects.requireNonNull(key, "option key must not be null"),
        Objects.requireNonNull(value, () -> "value of option '" + key + "' must not be null"));
  }

  /** The policy id, or {@code null}. */
  public String policyId() {
    return policyId;
  }

  /** The items, in the order added. */
  public List<ContentData> contentData() {
    return contentData;
  }

  /** The threshold, or {@code null}. */
  public Double threshold() {
    return threshold;
  }

  /** The expedited flag, or {@code null}. */
  public Boolean expedited() {
    return expedited;
  }

  /** The options, in insertion order. */
  public Map<String, String> options() {
    return options;
  }
}
