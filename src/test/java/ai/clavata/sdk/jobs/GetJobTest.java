package ai.clavata.sdk.jobs;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.jobs.JobsTestSupport.jobEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetJobTest extends MockServerTest {
  @Test
  void getsTheJobByItsId() throws Exception {
    server.enqueue(ok(Fixtures.read("jobs-running.json")));

    Job job = client.jobs().get("job-running-1");

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs/job-running-1");
    assertThat(recorded.getUrl().querySize()).isZero();
    assertThat(recorded.getBodySize()).isZero();
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(job.jobUuid()).isEqualTo("job-running-1");
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.isTerminal()).isFalse();
    assertThat(job.completed()).isNull();
    assertThat(job.updated()).isEqualTo(Instant.parse("2026-01-02T03:04:06.120Z"));
  }

  @Test
  void idIsPercentEncodedAsOneSegment() throws Exception {
    server.enqueue(ok(jobEnvelope("x", "JOB_STATUS_PENDING")));

    client.jobs().get("a/b c?d#e");

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().pathSegments()).containsExactly("v1", "jobs", "a/b c?d#e");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs/a%2Fb%20c%3Fd%23e");
    assertThat(recorded.getTarget()).startsWith("/v1/jobs/a%2Fb%20c%3Fd%23e");
    assertThat(recorded.getUrl().querySize()).isZero();
  }

  @Test
  void traversalLikeIdStaysInsideTheJobsPath() throws Exception {
    server.enqueue(ok(jobEnvelope("x", "JOB_STATUS_PENDING")));

    client.jobs().get("../batch-jobs");

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().pathSegments()).containsExactly("v1", "jobs", "../batch-jobs");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentIdsAreRefusedInsteadOfLeavingTheJobsPath(String jobUuid) {
    // OkHttp resolves "." and ".." (even percent-encoded) as dot segments, so GET /v1/jobs/..
    // would silently become GET /v1/ : such an id cannot be sent as one path segment.
    assertThatThrownBy(() -> client.jobs().get(jobUuid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid")
        .hasMessageContaining("'" + jobUuid + "'");
    assertThatThrownBy(() -> client.jobs().awaitCompletion(jobUuid, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void idsContainingDotsAreFine() throws Exception {
    server.enqueue(ok(jobEnvelope("x", "JOB_STATUS_PENDING")));

    client.jobs().get("...");

    assertThat(server.takeRequest().getUrl().pathSegments()).containsExactly("v1", "jobs", "...");
  }

  @Test
  void okResponseWithoutJobIsADecodeError() {
    server.enqueue(ok("{}"));

    assertThatThrownBy(() -> client.jobs().get("job-1"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("/v1/jobs/job-1")
        .hasMessageContaining("job");
  }

  @Test
  void emptyBodyIsADecodeError() {
    server.enqueue(ok(""));

    assertThatThrownBy(() -> client.jobs().get("job-1")).isInstanceOf(ClavataDecodeException.class);
  }
}
