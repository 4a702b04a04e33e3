package ai.clavata.sdk.jobs;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.jobs.JobsTestSupport.job;
import static ai.clavata.sdk.jobs.JobsTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.TimeRange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.NoSuchElementException;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ListJobsTest extends MockServerTest {
  private static final Instant T1 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant T1_NANOS = Instant.parse("2026-01-02T03:04:05.123456789Z");
  private static final Instant T2 = Instant.parse("2026-02-03T04:05:06Z");
  private static final Instant T2_MILLIS = Instant.parse("2026-02-03T04:05:06.120Z");

  private HttpUrl list(ListJobsRequest request) throws InterruptedException {
    server.enqueue(ok(page("")));
    client.jobs().list(request);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs");
    return recorded.getUrl();
  }

  @Test
  void noFiltersSendsNoQuery() throws Exception {
    server.enqueue(ok(page("")));
    client.jobs().list();

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs");
    assertThat(recorded.getUrl().querySize()).isZero();
    assertThat(recorded.getTarget()).isEqualTo("/v1/jobs");
  }

  @Test
  void everyFilterGoesOnTheQueryString() throws Exception {
    HttpUrl url =
        list(
            ListJobsRequest.builder()
                .createdTimeRange(TimeRange.between(T1, T2).asInclusive())
                .updatedTimeRange(TimeRange.between(T1_NANOS, T2_MILLIS).asInclusive())
                .completedTimeRange(TimeRange.between(T1, T2_MILLIS).asInclusive())
                .status(JobStatus.COMPLETED)
                .policyId("policy-1")
                .pageSize(100)
                .pageToken("tok-1")
                .build());

    assertThat(url.queryParameterNames())
        .containsExactlyInAnyOrder(
            "query.createdTimeRange.start",
            "query.createdTimeRange.end",
            "query.createdTimeRange.inclusive",
            "query.updatedTimeRange.start",
            "query.updatedTimeRange.end",
            "query.updatedTimeRange.inclusive",
            "query.completedTimeRange.start",
            "query.completedTimeRange.end",
            "query.completedTimeRange.inclusive",
            "query.status",
            "query.policyId",
            "pageSize",
            "pageToken");
    assertThat(url.queryParameterValues("query.createdTimeRange.start"))
        .containsExactly("2026-01-02T03:04:05Z");
    assertThat(url.queryParameterValues("query.createdTimeRange.end"))
        .containsExactly("2026-02-03T04:05:06Z");
    assertThat(url.queryParameterValues("query.createdTimeRange.inclusive"))
        .containsExactly("true");
    assertThat(url.queryParameterValues("query.updatedTimeRange.start"))
        .containsExactly("2026-01-02T03:04:05.123456789Z");
    assertThat(url.queryParameterValues("query.updatedTimeRange.end"))
        .containsExactly("2026-02-03T04:05:06.120Z");
    assertThat(url.queryParameterValues("query.updatedTimeRange.inclusive"))
        .containsExactly("true");
    assertThat(url.queryParameterValues("query.completedTimeRange.start"))
        .containsExactly("2026-01-02T03:04:05Z");
    assertThat(url.queryParameterValues("query.completedTimeRange.end"))
        .containsExactly("2026-02-03T04:05:06.120Z");
    assertThat(url.queryParameterValues("query.completedTimeRange.inclusive"))
        .containsExactly("true");
    assertThat(url.queryParameterValues("query.status")).containsExactly("JOB_STATUS_COMPLETED");
    assertThat(url.queryParameterValues("query.policyId")).containsExactly("policy-1");
    assertThat(url.queryParameterValues("pageSize")).containsExactly("100");
    assertThat(url.queryParameterValues("pageToken")).containsExactly("tok-1");
  }

  @Test
  void timestampsAreUtcEvenFromAnOffsetInstant() throws Exception {
    Instant fromOffset = OffsetDateTime.parse("2026-01-02T05:04:05.5+02:00").toInstant();

    HttpUrl url = list(ListJobsRequest.builder().createdAfter(fromOffset).build());

    assertThat(url.queryParameter("query.createdTimeRange.start"))
        .isEqualTo("2026-01-02T03:04:05.500Z");
  }

  @Test
  void exclusiveRangesOmitInclusiveAndMissingBounds() throws Exception {
    HttpUrl url =
        list(
            ListJobsRequest.builder()
                .createdTimeRange(TimeRange.after(T1))
                .updatedTimeRange(TimeRange.before(T2))
                .completedTimeRange(TimeRange.between(T1, T2))
                .build());

    assertThat(url.queryParameterNames())
        .containsExactlyInAnyOrder(
            "query.createdTimeRange.start",
            "query.updatedTimeRange.end",
            "query.completedTimeRange.start",
            "query.completedTimeRange.end");
    assertThat(url.queryParameter("query.createdTimeRange.start"))
        .isEqualTo("2026-01-02T03:04:05Z");
    assertThat(url.queryParameter("query.updatedTimeRange.end")).isEqualTo("2026-02-03T04:05:06Z");
  }

  @Test
  void unspecifiedStatusIsOmitted() throws Exception {
    HttpUrl url = list(ListJobsRequest.builder().status(JobStatus.UNSPECIFIED).build());

    assertThat(url.queryParameterNames()).doesNotContain("query.status");
    assertThat(url.querySize()).isZero();
  }

  @Test
  void eachStatusUsesItsWireName() throws Exception {
    for (JobStatus status :
        new JobStatus[] {
          JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FAILED, JobStatus.CANCELED
        }) {
      HttpUrl url = list(ListJobsRequest.builder().status(status).build());
      assertThat(url.queryParameterValues("query.status"))
          .containsExactly("JOB_STATUS_" + status.name());
    }
  }

  @Test
  void blankPolicyIdAndEmptyPageTokenAreOmitted() throws Exception {
    HttpUrl url = list(ListJobsRequest.builder().policyId("  ").pageToken("").build());

    assertThat(url.querySize()).isZero();
  }

  @Test
  void specialCharactersRoundTripThroughUrlEncoding() throws Exception {
    String tricky = "a+b&c=d e/f?g#h%i";

    HttpUrl url = list(ListJobsRequest.builder().policyId(tricky).pageToken(tricky).build());

    assertThat(url.queryParameter("query.policyId")).isEqualTo(tricky);
    assertThat(url.queryParameter("pageToken")).isEqualTo(tricky);
    assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("query.policyId", "pageToken");
    assertThat(url.encodedQuery()).doesNotContain("+").doesNotContain(" ");
  }

  @Test
  void createdAfterAndBeforeCombineIntoOneRange() throws Exception {
    ListJobsRequest afterThenBefore =
        ListJobsRequest.builder().createdAfter(T1).createdBefore(T2).build();
    ListJobsRequest beforeThenAfter =
        ListJobsRequest.builder().createdBefore(T2).createdAfter(T1).build();

    assertThat(afterThenBefore.createdTimeRange()).isEqualTo(new TimeRange(T1, T2, false));
    assertThat(beforeThenAfter.createdTimeRange()).isEqualTo(new TimeRange(T1, T2, false));

    HttpUrl url = list(afterThenBefore);
    assertThat(url.queryParameterValues("query.createdTimeRange.start"))
        .containsExactly("2026-01-02T03:04:05Z");
    assertThat(url.queryParameterValues("query.createdTimeRange.end"))
        .containsExactly("2026-02-03T04:05:06Z");
    assertThat(url.queryParameterNames()).doesNotContain("query.createdTimeRange.inclusive");
  }

  @Test
  void createdAfterKeepsAnInclusiveRangesEnd() {
    ListJobsRequest request =
        ListJobsRequest.builder()
            .createdTimeRange(TimeRange.before(T2).asInclusive())
            .createdAfter(T1)
            .build();

    assertThat(request.createdTimeRange()).isEqualTo(new TimeRange(T1, T2, true));
  }

  @Test
  void pageParsesItemsAndToken() throws Exception {
    server.enqueue(ok(Fixtures.read("jobs-page-1.json")));

    Page<Job> page = client.jobs().list(ListJobsRequest.builder().pageSize(2).build());

    assertThat(page.items()).extracting(Job::jobUuid).containsExactly("job-1", "job-2");
    assertThat(page.items())
        .extracting(Job::status)
        .containsExactly(JobStatus.COMPLETED, JobStatus.RUNNING);
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.nextPageToken()).contains("token-2");
  }

  @Test
  void emptyNextPageTokenMeansLastPage() {
    server.enqueue(ok(page("", job("only", "JOB_STATUS_COMPLETED"))));

    Page<Job> page = client.jobs().list();

    assertThat(page.items()).extracting(Job::jobUuid).containsExactly("only");
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.nextPageToken()).isEmpty();
    assertThatThrownBy(page::nextPage)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("last page");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void missingJobsAndTokenReadAsAnEmptyLastPage() {
    server.enqueue(ok("{}"));

    Page<Job> page = client.jobs().list();

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void nullJobsAndTokenReadAsAnEmptyLastPage() {
    server.enqueue(ok("{\"jobs\":null,\"nextPageToken\":null}"));

    Page<Job> page = client.jobs().list();

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void nextPageKeepsEveryFilterAndAddsTheToken() throws Exception {
    server.enqueue(ok(Fixtures.read("jobs-page-1.json")));
    server.enqueue(ok(Fixtures.read("jobs-page-2.json")));
    ListJobsRequest request =
        ListJobsRequest.builder()
            .createdTimeRange(TimeRange.between(T1, T2).asInclusive())
            .status(JobStatus.COMPLETED)
            .policyId("policy-1")
            .pageSize(2)
            .build();

    Page<Job> first = client.jobs().list(request);
    Page<Job> second = first.nextPage();

    HttpUrl firstUrl = server.takeRequest().getUrl();
    HttpUrl secondUrl = server.takeRequest().getUrl();
    assertThat(firstUrl.queryParameterNames()).doesNotContain("pageToken");
    assertThat(secondUrl.encodedPath()).isEqualTo("/v1/jobs");
    assertThat(secondUrl.queryParameterValues("pageToken")).containsExactly("token-2");
    for (String name : firstUrl.queryParameterNames()) {
      assertThat(secondUrl.queryParameterValues(name))
          .as(name)
          .isEqualTo(firstUrl.queryParameterValues(name));
    }
    assertThat(secondUrl.querySize()).isEqualTo(firstUrl.querySize() + 1);
    assertThat(second.items()).extracting(Job::jobUuid).containsExactly("job-3", "job-4");
    assertThat(second.nextPageToken()).contains("token-3");
  }

  @Test
  void nextPageReplacesTheStartingPageToken() throws Exception {
    server.enqueue(ok(page("t2", job("a", "JOB_STATUS_COMPLETED"))));
    server.enqueue(ok(page("", job("b", "JOB_STATUS_COMPLETED"))));

    Page<Job> first = client.jobs().list(ListJobsRequest.builder().pageToken("t1").build());
    first.nextPage();

    assertThat(server.takeRequest().getUrl().queryParameterValues("pageToken"))
        .containsExactly("t1");
    assertThat(server.takeRequest().getUrl().queryParameterValues("pageToken"))
        .containsExactly("t2");
  }

  @Test
  void malformedListBodyIsADecodeError() {
    server.enqueue(ok("{\"jobs\": [ {\"jobUuid\": \"x\""));

    assertThatThrownBy(() -> client.jobs().list())
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("\"jobUuid\"");
  }

  @Test
  void aNullJobInAPageIsADecodeErrorNotAShorterPage() {
    server.enqueue(ok("{\"jobs\":[{\"jobUuid\":\"j1\"},null],\"nextPageToken\":\"\"}"));
    assertThatThrownBy(() -> client.jobs().list(ListJobsRequest.builder().build()))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("GET /v1/jobs: jobs[1] is null");
  }
}
