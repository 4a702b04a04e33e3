package ai.clavata.sdk.jobs;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.jobs.JobsTestSupport.jobEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.PollOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class AwaitCompletionTest extends MockServerTest {
  private static Duration total(List<Duration> sleeps) {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Test
  void pollsUntilCompletedWithBackoff() throws Exception {
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_RUNNING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_RUNNING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_COMPLETED")));

    Job job = client.jobs().awaitCompletion("job-1", Duration.ofMinutes(1));

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.jobUuid()).isEqualTo("job-1");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(750));
    for (int i = 0; i < 3; i++) {
      RecordedRequest recorded = server.takeRequest();
      assertThat(recorded.getMethod()).isEqualTo("GET");
      assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs/job-1");
    }
  }

  @Test
  void alreadyTerminalJobReturnsWithoutSleeping() {
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_COMPLETED")));

    Job job = client.jobs().awaitCompletion("job-1", Duration.ofSeconds(1));

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(timing.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pendingThenFailedReturnsTheFailedJob() {
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_PENDING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_FAILED")));

    Job job = client.jobs().awaitCompletion("job-1", Duration.ofMinutes(1));

    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void canceledIsTerminalToo() {
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_CANCELED")));

    assertThat(client.jobs().awaitCompletion("job-1", Duration.ofSeconds(1)).status())
        .isEqualTo(JobStatus.CANCELED);
  }

  @Test
  void backoffGrowsAndIsCappedAtFiveSeconds() {
    for (int i = 0; i < 9; i++) {
      server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_RUNNING")));
    }
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_COMPLETED")));

    client.jobs().awaitCompletion("job-1", Duration.ofMinutes(10));

    List<Duration> sleeps = timing.sleeps();
    assertThat(sleeps).hasSize(9);
    assertThat(sleeps.subList(0, 3))
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofMillis(1125));
    for (int i = 1; i < sleeps.size(); i++) {
      assertThat(sleeps.get(i)).isGreaterThanOrEqualTo(sleeps.get(i - 1));
    }
    assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    assertThat(sleeps.get(sleeps.size() - 1)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void timesOutNamingTheJobAndItsStatus() {
    for (int i = 0; i < 50; i++) {
      server.enqueue(ok(jobEnvelope("job-slow", "JOB_STATUS_RUNNING")));
    }

    assertThatThrownBy(() -> client.jobs().awaitCompletion("job-slow", Duration.ofSeconds(3)))
        .isInstanceOf(ClavataTimeoutException.class)
        .hasMessageContaining("job-slow")
        .hasMessageContaining("RUNNING");

    assertThat(total(timing.sleeps())).isLessThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(total(timing.sleeps())).isGreaterThan(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isBetween(2, 10);
  }

  @Test
  void timeoutShorterThanTheFirstIntervalSleepsOnlyTheRemainder() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_PENDING")));
    }

    assertThatThrownBy(() -> client.jobs().awaitCompletion("job-1", Duration.ofMillis(200)))
        .isInstanceOf(ClavataTimeoutException.class)
        .hasMessageContaining("PENDING");

    assertThat(total(timing.sleeps())).isLessThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void nonPositiveTimeoutIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.jobs().awaitCompletion("job-1", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> client.jobs().awaitCompletion("job-1", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> client.jobs().awaitCompletion("job-1", (Duration) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");

    assertThat(server.getRequestCount()).isZero();
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void blankJobIdIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.jobs().awaitCompletion(" ", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid")
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> client.jobs().awaitCompletion(null, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid");

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void pollOptionsSetTheWaitsAndTheListenerHearsEachNewStatusOnce() {
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_PENDING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_RUNNING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_RUNNING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_COMPLETED")));
    List<JobStatus> heard = new ArrayList<>();
    PollOptions fixed =
        new PollOptions(Duration.ofSeconds(2), Duration.ofSeconds(2), 1.0, Duration.ofMinutes(1));

    Job job = client.jobs().awaitCompletion("job-1", fixed, polled -> heard.add(polled.status()));

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(heard).containsExactly(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED);
    assertThat(timing.sleeps())
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void theAsyncClientWaitsTheSameWay() throws Exception {
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_RUNNING")));
    server.enqueue(ok(jobEnvelope("job-1", "JOB_STATUS_CANCELED")));
    List<JobStatus> heard = new ArrayList<>();

    Job job =
        client
            .async()
            .jobs()
            .awaitCompletion("job-1", PollOptions.forJobs(), polled -> heard.add(polled.status()))
            .get(10, TimeUnit.SECONDS);

    assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(heard).containsExactly(JobStatus.RUNNING, JobStatus.CANCELED);
  }
}
