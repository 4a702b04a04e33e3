package ai.clavata.sdk.batch;

import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.model.BatchJobState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Filters for {@code GET /v1/batch-jobs}; with none, every batch job is listed.
 *
 * <pre>{@code
 * ListBatchJobsRequest.builder().states(BatchJobState.QUEUED, BatchJobState.SUBMITTED).build();
 * }</pre>
 *
 * @param batchJobIds only these jobs; empty for all
 * @param states only jobs in these states; empty for all
 */
public record ListBatchJobsRequest(List<String> batchJobIds, List<BatchJobState> states) {

  /**
   * Creates the request and validates it locally.
   *
   * @param batchJobIds the ids to filter by
   * @param states the states to filter by
   * @throws IllegalArgumentException if an id is blank or a state is {@link
   *     BatchJobState#UNRECOGNIZED}
   */
  public ListBatchJobsRequest {
    batchJobIds = List.copyOf(Objects.requireNonNullElse(batchJobIds, List.of()));
    states = List.copyOf(Objects.requireNonNullElse(states, List.of()));
    batchJobIds.forEach(id -> Validation.requireId("batchJobId", id));
    if (states.contains(BatchJobState.UNRECOGNIZED)) {
      throw new IllegalArgumentException(
          "state UNRECOGNIZED cannot be used as a filter; pick a BatchJobState the API knows");
    }
  }

  /**
   * A builder with no filters.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ListBatchJobsRequest}. */
  public static final class Builder {
    private final List<String> batchJobIds = new ArrayList<>();
    private final List<BatchJobState> states = new ArrayList<>();

    private Builder() {}

    /**
     * Only these jobs.
     *
     * @param ids batch job ids
     * @return this builder
     */
    public Builder batchJobIds(String... ids) {
      batchJobIds.addAll(Arrays.asList(ids));
      return this;
    }

    /**
     * Only jobs in these states.
     *
     * @param states the states
     * @return this builder
     */
    public Builder states(BatchJobState... states) {
      this.states.addAll(Arrays.asList(states));
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     */
    public ListBatchJobsRequest build() {
      return new ListBatchJobsRequest(batchJobIds, states);
    }
  }
}
