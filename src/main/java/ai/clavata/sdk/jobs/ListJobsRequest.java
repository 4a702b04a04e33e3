package ai.clavata.sdk.jobs;

import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.TimeRange;
import java.time.Instant;

/**
 * Filters and paging for {@code GET /v1/jobs}. Every filter is optional; unset filters match all.
 *
 * <pre>{@code
 * ListJobsRequest.builder()
 *     .status(JobStatus.COMPLETED)
 *     .policyId("policy-uuid")
 *     .createdAfter(Instant.now().minus(Duration.ofDays(1)))
 *     .pageSize(100)
 *     .build();
 * }</pre>
 *
 * @param createdTimeRange jobs created in this range, or {@code null}
 * @param updatedTimeRange jobs updated in this range, or {@code null}
 * @param completedTimeRange jobs completed in this range, or {@code null}
 * @param status jobs in this status, or {@code null} (or {@link JobStatus#UNSPECIFIED}) for any
 * @param policyId jobs of this policy, or {@code null}
 * @param pageSize jobs per page (1 to 1000), or {@code null} for the server default
 * @param pageToken where to start: a previous page's next-page token, or {@code null}
 */
public record ListJobsRequest(
    TimeRange createdTimeRange,
    TimeRange updatedTimeRange,
    TimeRange completedTimeRange,
    JobStatus status,
    String policyId,
    Integer pageSize,
    String pageToken) {

  /** The most jobs the server returns per page. */
  public static final int MAX_PAGE_SIZE = 1000;

  /**
   * Creates the request and validates it locally.
   *
   * @param createdTimeRange jobs created in this range, or {@code null}
   * @param updatedTimeRange jobs updated in this range, or {@code null}
   * @param completedTimeRange jobs completed in this range, or {@code null}
   * @param status jobs in this status, or {@code null} (or {@link JobStatus#UNSPECIFIED}) for any
   * @param policyId jobs of this policy, or {@code null}
   * @param pageSize jobs per page (1 to 1000), or {@code null} for the server default
   * @param pageToken where to start: a previous page's next-page token, or {@code null}
   * @throws IllegalArgumentException if the page size is outside 1 to 1000 or the status is {@link
   *     JobStatus#UNRECOGNIZED}
   */
  public ListJobsRequest {
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", but was " + pageSize);
    }
    if (status == JobStatus.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "status UNRECOGNIZED cannot be used as a filter; pick a JobStatus the API knows");
    }
    if (policyId != null && policyId.isBlank()) {
      policyId = null;
    }
    if (pageToken != null && pageToken.isEmpty()) {
      pageToken = null;
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

  /**
   * This request starting at another page.
   *
   * @param pageToken a page's next-page token
   * @return a copy with that token
   */
  public ListJobsRequest withPageToken(String pageToken) {
    return new ListJobsRequest(
        createdTimeRange,
        updatedTimeRange,
        completedTimeRange,
        status,
        policyId,
        pageSize,
        pageToken);
  }

  /** Builds a {@link ListJobsRequest}. */
  public static final class Builder {
    private TimeRange created;
    private TimeRange updated;
    private TimeRange completed;
    private JobStatus status;
    private String policyId;
    private Integer pageSize;
    private String pageToken;

    private Builder() {}

    /**
     * Only jobs created in this range.
     *
     * @param range the range
     * @return this builder
     */
    public Builder createdTimeRange(TimeRange range) {
      this.created = range;
      return this;
    }

    /**
     * Only jobs created after this instant (exclusive).
     *
     * @param start the lower bound
     * @return this builder
     */
    public Builder createdAfter(Instant start) {
      this.created =
          created == null || created.end() == null
              ? TimeRange.after(start)
              : new TimeRange(start, created.end(), created.inclusive());
      return this;
    }

    /**
     * Only jobs created before this instant (exclusive).
     *
     * @param end the upper bound
     * @return this builder
     */
    public Builder createdBefore(Instant end) {
      this.created =
          created == null || created.start() == null
              ? TimeRange.before(end)
              : new TimeRange(created.start(), end, created.inclusive());
      return this;
    }

    /**
     * Only jobs last updated in this range.
     *
     * @param range the range
     * @return this builder
     */
    public Builder updatedTimeRange(TimeRange range) {
      this.updated = range;
      return this;
    }

    /**
     * Only jobs completed in this range.
     *
     * @param range the range
     * @return this builder
     */
    public Builder completedTimeRange(TimeRange range) {
      this.completed = range;
      return this;
    }

    /**
     * Only jobs in this status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(JobStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Only jobs of this policy.
     *
     * @param policyId the policy's id
     * @return this builder
     */
    public Builder policyId(String policyId) {
      this.policyId = policyId;
      return this;
    }

    /**
     * How many jobs a page holds, 1 to 1000. The server's default is 10.
     *
     * @param pageSize the page size
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Starts at the page a previous response pointed to.
     *
     * @param pageToken a page's next-page token
     * @return this builder
     */
    public Builder pageToken(String pageToken) {
      this.pageToken = pageToken;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     */
    public ListJobsRequest build() {
      return new ListJobsRequest(
          created, updated, completed, status, policyId, pageSize, pageToken);
    }
  }
}
