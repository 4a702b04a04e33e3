package ai.clavata.sdk.jobs;

/** Small helpers shared by the jobs tests. */
final class JobsTestSupport {
  private JobsTestSupport() {}

  /** {@code {"job": {...}}} with an id and a wire status such as {@code JOB_STATUS_RUNNING}. */
  static String jobEnvelope(String jobUuid, String wireStatus) {
    return "{\"job\":" + job(jobUuid, wireStatus) + "}";
  }

  /** A job object with an id and a wire status. */
  static String job(String jobUuid, String wireStatus) {
    return "{\"jobUuid\":\""
        + jobUuid
        + "\",\"status\":\""
        + wireStatus
        + "\",\"contentData\":[],\"results\":[],\"threshold\":0.5}";
  }

  /** A ListJobs response. */
  static String page(String nextPageToken, String... jobs) {
    return "{\"jobs\":["
        + String.join(",", jobs)
        + "],\"nextPageToken\":\""
        + nextPageToken
        + "\"}";
  }
}
