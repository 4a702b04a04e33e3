package ai.clavata.sdk.batch;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.TestResponses.tree;
import static ai.clavata.sdk.batch.BatchTestSupport.error;
import static ai.clavata.sdk.batch.BatchTestSupport.job;
import static ai.clavata.sdk.batch.BatchTestSupport.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.BatchJobErrorCode;
import ai.clavata.sdk.model.BatchJobState;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The request and response shapes of every batch endpoint. */
class BatchEndpointsTest extends MockServerTest {
  @Test
  void createPostsNameAndPolicyId() throws Exception {
    server.enqueue(
        ok(
            "{\"batchJobId\":\"bj-1\",\"name\":\"nightly\",\"inputFileUploadUrl\":"
                + "\"https://storage.example/in/bj-1.csv?X-Amz-Signature=sig\"}"));

    BatchJobCreated created = client.batch().create("nightly", "pol-1");

    assertThat(created.batchJobId()).isEqualTo("bj-1");
    assertThat(created.name()).isEqualTo("nightly");
    assertThat(created.inputFileUploadUrl())
        .isEqualTo("https://storage.example/in/bj-1.csv?X-Amz-Signature=sig");
    assertThat(created.error()).isNull();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
    assertThat(request.getUrl().querySize()).isZero();
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(tree(request.getBody().utf8()))
        .isEqualTo(tree("{\"name\":\"nightly\",\"policyId\":\"pol-1\"}"));
  }

  @Test
  void createdJobsDoNotPrintTheUploadSignature() {
    BatchJobCreated created =
        new BatchJobCreated("bj-1", "n", null, "https://s.example/in.csv?X-Amz-Signature=secret");

    assertThat(created.toString())
        .contains("bj-1")
        .contains("https://s.example/in.csv")
        .doesNotContain("secret");
  }

  @Test
  void aCreateAnswerWithoutAnUploadUrlIsADecodeError() {
    server.enqueue(ok("{\"batchJobId\":\"bj-1\",\"name\":\"n\"}"));

    assertThatThrownBy(() -> client.batch().create("n", "pol-1"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("inputFileUploadUrl");
  }

  @Test
  void createWithWebhookSendsWebhookUrl() throws Exception {
    server.enqueue(
        ok(
            "{\"batchJobId\":\"bj-2\",\"name\":\"n\",\"inputFileUploadUrl\":\"https://s/x\","
                + "\"error\":{\"errorCode\":\"BATCH_JOB_ERROR_UNSPECIFIED\",\"errorMessage\":\"\"}}"));

    BatchJobCreated created =
        client
            .batch()
            .create(
                CreateBatchJobRequest.of("n", "pol-1").withWebhookUrl("https://example.com/done"));

    assertThat(created.batchJobId()).isEqualTo("bj-2");
    assertThat(created.error()).isNotNull();
    assertThat(created.error().errorCode()).isEqualTo(BatchJobErrorCode.UNSPECIFIED);
    assertThat(created.error().isError()).isFalse();
    RecordedRequest request = server.takeRequest();
    assertThat(tree(request.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"name\":\"n\",\"policyId\":\"pol-1\",\"webhookUrl\":\"https://example.com/done\"}"));
  }

  @Test
  void createRejectsANonHttpsWebhookLocally() {
    assertThatThrownBy(() -> CreateBatchJobRequest.of("n", "pol-1").withWebhookUrl("http://x/y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void listSendsRepeatedIdAndStateKeysByWireName() throws Exception {
    server.enqueue(ok(jobs(job("a", "BATCH_JOB_STATE_QUEUED", null))));

    List<BatchJob> listed =
        client
            .batch()
            .list(
                ListBatchJobsRequest.builder()
                    .batchJobIds("a", "b")
                    .states(BatchJobState.QUEUED, BatchJobState.CANCELLED)
                    .build());

    assertThat(listed).extracting(BatchJob::batchJobId).containsExactly("a");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
    assertThat(request.getUrl().queryParameterValues("batchJobIds")).containsExactly("a", "b");
    assertThat(request.getUrl().queryParameterValues("states"))
        .containsExactly("BATCH_JOB_STATE_QUEUED", "BATCH_JOB_STATE_CANCELLED");
    assertThat(request.getUrl().queryParameterNames())
        .containsExactlyInAnyOrder("batchJobIds", "states");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void listWithoutFiltersHasNoQueryAndToleratesAnEmptyObject() throws Exception {
    server.enqueue(ok("{}"));

    assertThat(client.batch().list()).isEmpty();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
    assertThat(request.getUrl().query()).isNull();
  }

  @Test
  void listParsesEveryFieldOfABatchJob() {
    server.enqueue(
        ok(
            jobs(
                "{\"batchJobId\":\"bj-1\",\"name\":\"nightly\",\"state\":\"BATCH_JOB_STATE_COMPLETED\","
                    + "\"createdAt\":\"2026-01-02T03:04:05Z\",\"updatedAt\":\"2026-01-02T04:05:06.123456789Z\","
                    + "\"policyId\":\"pol-1\",\"policyVersionId\":\"pv-9\","
                    + "\"outputFileUrl\":\"https://s/out.csv?sig=1\",\"someFutureField\":42}",
                "{\"batchJobId\":\"bj-2\",\"state\":\"BATCH_JOB_STATE_TELEPORTING\",\"outputFileUrl\":\"\"}",
                "{\"batchJobId\":\"bj-3\"}")));

    List<BatchJob> listed = client.batch().list();

    assertThat(listed).hasSize(3);
    BatchJob done = listed.get(0);
    assertThat(done.batchJobId()).isEqualTo("bj-1");
    assertThat(done.name()).isEqualTo("nightly");
    assertThat(done.state()).isEqualTo(BatchJobState.COMPLETED);
    assertThat(done.isTerminal()).isTrue();
    assertThat(done.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(done.updatedAt()).isEqualTo(Instant.parse("2026-01-02T04:05:06.123456789Z"));
    assertThat(done.policyId()).isEqualTo("pol-1");
    assertThat(done.policyVersionId()).isEqualTo("pv-9");
    assertThat(done.outputFileUrl()).isEqualTo("https://s/out.csv?sig=1");

    BatchJob unknown = listed.get(1);
    assertThat(unknown.state()).isEqualTo(BatchJobState.UNRECOGNIZED);
    assertThat(unknown.isTerminal()).isFalse();
    assertThat(unknown.outputFileUrl()).isNull();

    BatchJob bare = listed.get(2);
    assertThat(bare.state()).isEqualTo(BatchJobState.UNSPECIFIED);
    assertThat(bare.createdAt()).isNull();
    assertThat(bare.outputFileUrl()).isNull();
  }

  @Test
  void listFromFixture() {
    server.enqueue(ok(Fixtures.read("batch-jobs-list.json")));

    List<BatchJob> listed = client.batch().list();

    assertThat(listed)
        .extracting(BatchJob::batchJobId, BatchJob::state)
        .containsExactly(
            tuple("bj-queued", BatchJobState.QUEUED),
            tuple("bj-done", BatchJobState.COMPLETED),
            tuple("bj-cancelled", BatchJobState.CANCELLED));
    assertThat(listed.get(0).outputFileUrl()).isNull();
    assertThat(listed.get(1).outputFileUrl()).startsWith("https://storage.example/");
  }

  @Test
  void getListsFilteredByOneId() throws Exception {
    server.enqueue(ok(jobs(job("bj-7", "BATCH_JOB_STATE_SUBMITTED", null))));

    BatchJob job = client.batch().get("bj-7");

    assertThat(job.batchJobId()).isEqualTo("bj-7");
    assertThat(job.state()).isEqualTo(BatchJobState.SUBMITTED);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
    assertThat(request.getUrl().queryParameterNames()).containsExactly("batchJobIds");
    assertThat(request.getUrl().queryParameterValues("batchJobIds")).containsExactly("bj-7");
  }

  @Test
  void getPicksTheMatchingJobWhenTheServerIgnoresTheFilter() {
    server.enqueue(
        ok(
            jobs(
                job("other", "BATCH_JOB_STATE_QUEUED", null),
                job("bj-7", "BATCH_JOB_STATE_ERROR", null))));

    assertThat(client.batch().get("bj-7").state()).isEqualTo(BatchJobState.ERROR);
  }

  @Test
  void getThrowsNotFoundWhenTheListIsEmpty() {
    server.enqueue(ok("{\"batchJobs\":[]}"));

    assertThatThrownBy(() -> client.batch().get("bj-404"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("bj-404")
        .satisfies(e -> assertThat(((NotFoundException) e).httpStatus()).isEqualTo(404));
  }

  @Test
  void getThrowsNotFoundWhenTheListLacksTheId() {
    server.enqueue(ok(jobs(job("someone-else", "BATCH_JOB_STATE_QUEUED", null))));

    assertThatThrownBy(() -> client.batch().get("bj-404"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("bj-404");
  }

  @Test
  void getPassesOnAServerNotFound() {
    server.enqueue(error(404, 5, "archived"));

    assertThatThrownBy(() -> client.batch().get("bj-old")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void startPostsAnEmptyObject() throws Exception {
    server.enqueue(ok("{}"));

    client.batch().start("bj-1");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs/bj-1/start");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(tree(request.getBody().utf8())).isEqualTo(tree("{}"));
  }

  @Test
  void pathSegmentsAreEncoded() throws Exception {
    server.enqueue(ok("{}"));

    client.batch().start("a/b c");

    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/v1/batch-jobs/a%2Fb%20c/start");
  }

  @Test
  void cancelPostsAnEmptyObjectAndParsesTheAnswer() throws Exception {
    server.enqueue(
        ok(
            "{\"batchJobId\":\"bj-1\",\"state\":\"BATCH_JOB_STATE_CANCELLED\","
                + "\"error\":{\"errorCode\":\"BATCH_JOB_ERROR_INVALID_INPUT_FILE\","
                + "\"errorMessage\":\"bad csv\"}}"));

    CancelledBatchJob cancelled = client.batch().cancel("bj-1");

    assertThat(cancelled.batchJobId()).isEqualTo("bj-1");
    assertThat(cancelled.state()).isEqualTo(BatchJobState.CANCELLED);
    assertThat(cancelled.error().errorCode()).isEqualTo(BatchJobErrorCode.INVALID_INPUT_FILE);
    assertThat(cancelled.error().errorMessage()).isEqualTo("bad csv");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs/bj-1/cancel");
    assertThat(tree(request.getBody().utf8())).isEqualTo(tree("{}"));
  }

  @Test
  void cancelToleratesAnEmptyAnswer() {
    server.enqueue(ok("{}"));

    CancelledBatchJob cancelled = client.batch().cancel("bj-1");

    assertThat(cancelled.state()).isEqualTo(BatchJobState.UNSPECIFIED);
    assertThat(cancelled.error()).isNull();
  }

  @Test
  void blankIdsAreRejectedWithoutARequest() {
    assertThatThrownBy(() -> client.batch().get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.batch().start("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.batch().cancel(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ListBatchJobsRequest.builder().states(BatchJobState.UNRECOGNIZED).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
