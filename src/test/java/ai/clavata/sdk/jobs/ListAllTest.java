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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ListAllTest extends MockServerTest {
  private static final List<String> ALL_IDS = List.of("job-1", "job-2", "job-3", "job-4", "job-5");

  private void enqueueThreePages() {
    server.enqueue(ok(Fixtures.read("jobs-page-1.json")));
    server.enqueue(ok(Fixtures.read("jobs-page-2.json")));
    server.enqueue(ok(Fixtures.read("jobs-page-3.json")));
  }

  @Test
  void isLazyAndFetchesOnePageAtATime() throws Exception {
    enqueueThreePages();
    ListJobsRequest request =
        ListJobsRequest.builder().status(JobStatus.COMPLETED).policyId("p").pageSize(2).build();

    PagedIterable<Job> all = client.jobs().listAll(request);
    assertThat(server.getRequestCount()).isZero();

    Iterator<Job> iterator = all.iterator();
    assertThat(server.getRequestCount()).isZero();

    List<String> seen = new ArrayList<>();
    seen.add(iterator.next().jobUuid());
    assertThat(server.getRequestCount()).isEqualTo(1);
    seen.add(iterator.next().jobUuid());
    assertThat(server.getRequestCount()).as("page 1 read, page 2 not yet needed").isEqualTo(1);

    assertThat(iterator.hasNext()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    seen.add(iterator.next().jobUuid());
    seen.add(iterator.next().jobUuid());
    assertThat(server.getRequestCount()).isEqualTo(2);

    while (iterator.hasNext()) {
      seen.add(iterator.next().jobUuid());
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ALL_IDS);
    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    RecordedRequest third = server.takeRequest();
    assertThat(first.getUrl().queryParameterNames()).doesNotContain("pageToken");
    assertThat(second.getUrl().queryParameterValues("pageToken")).containsExactly("token-2");
    assertThat(third.getUrl().queryParameterValues("pageToken")).containsExactly("token-3");
    for (RecordedRequest recorded : List.of(first, second, third)) {
      assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs");
      assertThat(recorded.getUrl().queryParameter("query.status"))
          .isEqualTo("JOB_STATUS_COMPLETED");
      assertThat(recorded.getUrl().queryParameter("query.policyId")).isEqualTo("p");
      assertThat(recorded.getUrl().queryParameter("pageSize")).isEqualTo("2");
    }
  }

  @Test
  void forEachLoopSeesAllItemsInOrder() {
    enqueueThreePages();

    List<String> ids = new ArrayList<>();
    for (Job job : client.jobs().listAll()) {
      ids.add(job.jobUuid());
    }

    assertThat(ids).containsExactlyElementsOf(ALL_IDS);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void streamWorksAndIsLazy() {
    enqueueThreePages();

    Stream<Job> stream = client.jobs().listAll(ListJobsRequest.builder().build()).stream();
    assertThat(server.getRequestCount()).isZero();

    assertThat(stream.map(Job::jobUuid).collect(Collectors.toList()))
        .containsExactlyElementsOf(ALL_IDS);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void shortCircuitingStreamStopsFetching() {
    enqueueThreePages();

    List<String> firstThree =
        client.jobs().listAll().stream().limit(3).map(Job::jobUuid).collect(Collectors.toList());

    assertThat(firstThree).containsExactly("job-1", "job-2", "job-3");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void eachIterationStartsFromTheFirstPage() throws Exception {
    enqueueThreePages();
    enqueueThreePages();
    PagedIterable<Job> all = client.jobs().listAll(ListJobsRequest.builder().pageSize(2).build());

    List<String> firstPass = all.stream().map(Job::jobUuid).collect(Collectors.toList());
    List<String> secondPass = new ArrayList<>();
    all.forEach(job -> secondPass.add(job.jobUuid()));

    assertThat(firstPass).containsExactlyElementsOf(ALL_IDS);
    assertThat(secondPass).containsExactlyElementsOf(ALL_IDS);
    assertThat(server.getRequestCount()).isEqualTo(6);
    List<List<String>> tokens = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tokens.add(server.takeRequest().getUrl().queryParameterValues("pageToken"));
    }
    assertThat(tokens.get(0)).isEmpty();
    assertThat(tokens.get(3)).as("second pass starts again without a token").isEmpty();
    assertThat(tokens.get(4)).containsExactly("token-2");
  }

  @Test
  void startsAtTheRequestsPageToken() throws Exception {
    server.enqueue(ok(Fixtures.read("jobs-page-3.json")));

    List<String> ids =
        client.jobs().listAll(ListJobsRequest.builder().pageToken("token-3").build()).stream()
            .map(Job::jobUuid)
            .collect(Collectors.toList());

    assertThat(ids).containsExactly("job-5");
    assertThat(server.takeRequest().getUrl().queryParameter("pageToken")).isEqualTo("token-3");
  }

  @Test
  void emptyPagesInTheMiddleAreSkipped() {
    server.enqueue(ok(page("t2", job("a", "JOB_STATUS_COMPLETED"))));
    server.enqueue(ok(page("t3")));
    server.enqueue(ok(page("", job("b", "JOB_STATUS_COMPLETED"))));

    List<String> ids =
        client.jobs().listAll().stream().map(Job::jobUuid).collect(Collectors.toList());

    assertThat(ids).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void emptyListingHasNoItems() {
    server.enqueue(ok(page("")));

    Iterator<Job> iterator = client.jobs().listAll().iterator();

    assertThat(iterator.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverEchoingTheSameTokenIsADecodeErrorNotAnEndlessLoop() {
    server.enqueue(ok(page("stuck", job("a", "JOB_STATUS_COMPLETED"))));
    server.enqueue(ok(page("stuck", job("b", "JOB_STATUS_COMPLETED"))));
    server.enqueue(ok(page("stuck", job("c", "JOB_STATUS_COMPLETED"))));

    Iterator<Job> iterator = client.jobs().listAll().iterator();
    assertThat(iterator.next().jobUuid()).isEqualTo("a");

    assertThatThrownBy(iterator::hasNext)
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("page token")
        .hasMessageContaining("stuck");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void serverEchoingTheTokenOnEmptyPagesIsADecodeError() {
    server.enqueue(ok(page("stuck")));
    server.enqueue(ok(page("stuck")));
    server.enqueue(ok(page("stuck")));

    assertThatThrownBy(() -> client.jobs().listAll().stream().count())
        .isInstanceOf(ClavataDecodeException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
