package ai.clavata.sdk.batch;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.batch.BatchTestSupport.completed;
import static ai.clavata.sdk.batch.BatchTestSupport.completedOn;
import static ai.clavata.sdk.batch.BatchTestSupport.csv;
import static ai.clavata.sdk.batch.BatchTestSupport.job;
import static ai.clavata.sdk.batch.BatchTestSupport.jobs;
import static ai.clavata.sdk.batch.BatchTestSupport.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Downloading and parsing a batch results file. */
class BatchResultsTest extends MockServerTest {
  @StartStop final MockWebServer storage = new MockWebServer();

  private static List<BatchResultRow> all(BatchResults results) {
    List<BatchResultRow> rows = new ArrayList<>();
    results.forEach(rows::add);
    return rows;
  }

  @Test
  void parsesLabelsEmptyLabelsErrorsAndQuotedContent() throws Exception {
    storage.enqueue(csv(Fixtures.read("batch-results.csv")));

    List<BatchResultRow> rows;
    try (BatchResults results = client.batch().results(completedOn(storage))) {
      rows = all(results);
    }

    assertThat(rows)
        .extracting(BatchResultRow::refId)
        .containsExactly("post-1", "post-2", "img-1", "post-3", "post-4");

    BatchResultRow first = rows.get(0);
    assertThat(first.type()).isEqualTo(BatchContentType.TEXT);
    assertThat(first.labels())
        .containsExactly(new BatchLabel("Hate", 0.91), new BatchLabel("Spam", 0.02));
    assertThat(first.content()).isEqualTo("hello, world");
    assertThat(first.error()).isEmpty();
    assertThat(first.isError()).isFalse();
    assertThat(first.score("Hate")).hasValue(0.91);
    assertThat(first.score("Nope")).isEmpty();

    BatchResultRow second = rows.get(1);
    assertThat(second.labels())
        .containsExactly(new BatchLabel("Hate", 0.15), new BatchLabel("Violence", 1.0));
    assertThat(second.content()).isEqualTo("multi\r\nline \"quoted\" content");

    BatchResultRow failed = rows.get(2);
    assertThat(failed.type()).isEqualTo(BatchContentType.IMAGE_URL);
    assertThat(failed.labels()).isEmpty();
    assertThat(failed.isError()).isTrue();
    assertThat(failed.error()).isEqualTo("image could not be downloaded: HTTP 404");
    assertThat(failed.content()).isEqualTo("https://example.com/broken.png");

    assertThat(rows.get(3).labels()).isEmpty();
    assertThat(rows.get(3).content()).isEmpty();
    assertThat(rows.get(3).isError()).isFalse();
    assertThat(rows.get(4).type()).isEqualTo(BatchContentType.TEXT);
    assertThat(rows.get(4).labels()).isEmpty();
    assertThat(rows.get(4).content()).isEqualTo("=SUM(A1:A9)");

    RecordedRequest get = storage.takeRequest();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/out/bj-1.csv");
    assertThat(get.getHeaders().get("Authorization")).isNull();
    assertThat(get.getHeaders().toString()).doesNotContain(TestClients.API_KEY);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aDownloadFromTheApiHostCarriesNoAuthorization() throws Exception {
    server.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,hi,\r\n"));

    try (BatchResults results =
        client.batch().results(completed(server.url("/out.csv?sig=1").toString()))) {
      assertThat(all(results)).extracting(BatchResultRow::refId).containsExactly("1");
    }

    RecordedRequest get = server.takeRequest();
    assertThat(get.getHeaders().get("Authorization")).isNull();
    String userAgent = get.getHeaders().get("User-Agent");
    assertThat(userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT))
        .doesNotContain("clavata");
  }

  @Test
  void columnsAreFoundByNameInAnyOrderAndUnknownTypesAreTolerated() {
    storage.enqueue(
        csv(
            "\uFEFFerror,content,labels,type,ref_id\n"
                + ",\"a,b\",\"[{\"\"label\"\":\"\"X\"\",\"\"score\"\":0.5}]\",audio,r1\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      List<BatchResultRow> rows = all(results);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).refId()).isEqualTo("r1");
      assertThat(rows.get(0).type()).isEqualTo(BatchContentType.UNRECOGNIZED);
      assertThat(rows.get(0).content()).isEqualTo("a,b");
      assertThat(rows.get(0).labels()).containsExactly(new BatchLabel("X", 0.5));
    }
  }

  @Test
  void aRowWithTheWrongCellCountIsADecodeErrorNamingTheLine() {
    storage.enqueue(
        csv(
            "ref_id,type,labels,content,error\r\n"
                + "1,text,,ok,\r\n"
                + "2,text,,\"two\r\nlines\",\r\n"
                + "3,text,,missing a cell\r\n"
                + "4,text,,ok,\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      Iterator<BatchResultRow> it = results.iterator();
      assertThat(it.next().refId()).isEqualTo("1");
      assertThat(it.next().content()).isEqualTo("two\r\nlines");
      assertThatThrownBy(it::next)
          .isInstanceOfSatisfying(
              ClavataDecodeException.class,
              e -> {
                assertThat(e.lineNumber()).isEqualTo(5);
                assertThat(e.getMessage()).contains("5").contains("cells");
                assertThat(e.excerpt()).contains("missing a cell");
              });
    }
  }

  @Test
  void badLabelsJsonIsADecodeErrorNamingTheLine() {
    storage.enqueue(
        csv(
            "ref_id,type,labels,content,error\r\n"
                + "1,text,\"[{\"\"label\"\":\"\"A\"\",\"\"score\"\":0.1}]\",ok,\r\n"
                + "2,text,\"[{\"\"label\"\":\"\"A\"\",\"\"score\"\":\",broken,\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      Iterator<BatchResultRow> it = results.iterator();
      assertThat(it.next().labels()).containsExactly(new BatchLabel("A", 0.1));
      assertThatThrownBy(it::next)
          .isInstanceOfSatisfying(
              ClavataDecodeException.class,
              e -> {
                assertThat(e.lineNumber()).isEqualTo(3);
                assertThat(e.getMessage()).contains("labels");
              });
    }
  }

  @Test
  void labelsThatAreNotAnArrayOrLackAScoreAreDecodeErrors() {
    for (String labels :
        List.of(
            "{\"\"label\"\":\"\"A\"\",\"\"score\"\":0.1}",
            "[{\"\"label\"\":\"\"A\"\"}]",
            "[{\"\"score\"\":0.3}]",
            "[{\"\"label\"\":\"\"A\"\",\"\"score\"\":\"\"high\"\"}]",
            "[{\"\"label\"\":7,\"\"score\"\":0.3}]")) {
      storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,\"" + labels + "\",x,\r\n"));
      try (BatchResults results = client.batch().results(completedOn(storage))) {
        Iterator<BatchResultRow> it = results.iterator();
        assertThatThrownBy(it::next)
            .as(labels)
            .isInstanceOfSatisfying(
                ClavataDecodeException.class, e -> assertThat(e.lineNumber()).isEqualTo(2));
      }
    }
  }

  @Test
  void anUnterminatedQuoteIsADecodeError() {
    storage.enqueue(
        csv(
            "ref_id,type,labels,content,error\r\n"
                + "1,text,,ok,\r\n"
                + "2,text,,\"never closed,\r\n3,text,,x,\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      Iterator<BatchResultRow> it = results.iterator();
      assertThat(it.next().refId()).isEqualTo("1");
      assertThatThrownBy(
              () -> {
                while (it.hasNext()) {
                  it.next();
                }
              })
          .isInstanceOfSatisfying(
              ClavataDecodeException.class,
              e -> assertThat(e.lineNumber()).isGreaterThanOrEqualTo(3));
    }
  }

  @Test
  void trailingBlankLinesAreTolerated() {
    storage.enqueue(
        csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text,,b,\r\n\r\n\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(all(results)).extracting(BatchResultRow::refId).containsExactly("1", "2");
    }
  }

  @Test
  void aLastRowWithoutLineEndIsRead() {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text,,b,"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(all(results)).extracting(BatchResultRow::content).containsExactly("a", "b");
    }
  }

  @Test
  void anUnterminatedQuoteInTheHeaderIsADecodeError() {
    storage.enqueue(csv("\"ref_id,type,labels,content,error\r\n1,text,,a,\r\n"));

    assertThatThrownBy(() -> client.batch().results(completedOn(storage)))
        .isInstanceOfSatisfying(
            ClavataDecodeException.class, e -> assertThat(e.lineNumber()).isEqualTo(1));
  }

  @Test
  void anEmptyFileOrAHeaderWithoutRefIdIsADecodeError() {
    storage.enqueue(csv(""));
    assertThatThrownBy(() -> client.batch().results(completedOn(storage)))
        .isInstanceOf(ClavataDecodeException.class);

    storage.enqueue(csv("id,type,labels\r\n1,text,\r\n"));
    assertThatThrownBy(() -> client.batch().results(completedOn(storage)))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("ref_id");
  }

  @Test
  void aHeaderOnlyFileHasNoRows() {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(results.iterator().hasNext()).isFalse();
    }
  }

  @Test
  void aJobWithoutOutputFileIsRefusedWithoutARequest() {
    BatchJob running =
        new BatchJob("bj-1", "n", BatchJobState.SUBMITTED, null, null, "pol-1", null, "");

    assertThatThrownBy(() -> client.batch().results(running))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bj-1")
        .hasMessageContaining("SUBMITTED");
    assertThat(server.getRequestCount()).isZero();
    assertThat(storage.getRequestCount()).isZero();
  }

  @Test
  void anExpiredOutputUrlIsFetchedAgainOnce() throws Exception {
    storage.enqueue(xml(403, "AccessDenied", "Request has expired"));
    String fresh = storage.url("/out/bj-1.csv?X-Amz-Signature=fresh").toString();
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_COMPLETED", fresh))));
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,hi,\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(all(results)).extracting(BatchResultRow::content).containsExactly("hi");
    }

    RecordedRequest refetch = server.takeRequest();
    assertThat(refetch.getMethod()).isEqualTo("GET");
    assertThat(refetch.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
    assertThat(refetch.getUrl().queryParameterValues("batchJobIds")).containsExactly("bj-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest expired = storage.takeRequest();
    RecordedRequest retried = storage.takeRequest();
    assertThat(expired.getUrl().queryParameter("X-Amz-Signature")).isEqualTo("sig");
    assertThat(retried.getUrl().queryParameter("X-Amz-Signature")).isEqualTo("fresh");
    assertThat(retried.getHeaders().get("Authorization")).isNull();
    assertThat(storage.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anOutputUrlRefusedTwiceIsAPermissionError() {
    storage.enqueue(xml(400, "AuthorizationQueryParametersError", "expired"));
    server.enqueue(
        ok(
            jobs(
                job(
                    "bj-1",
                    "BATCH_JOB_STATE_COMPLETED",
                    storage.url("/out/again?sig=2").toString()))));
    storage.enqueue(xml(403, "AccessDenied", "denied"));

    assertThatThrownBy(() -> client.batch().results(completedOn(storage)))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("bj-1")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestClients.API_KEY));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(storage.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTransientDownloadFailureIsRetried() {
    storage.enqueue(new MockResponse.Builder().code(503).build());
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,hi,\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(all(results)).hasSize(1);
    }
    assertThat(timing.sleeps()).hasSize(1);
    assertThat(server.getRequestCount()).isZero();
  }
}
