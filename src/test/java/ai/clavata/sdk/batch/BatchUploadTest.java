package ai.clavata.sdk.batch;

import static ai.clavata.sdk.batch.BatchTestSupport.parseCsv;
import static ai.clavata.sdk.batch.BatchTestSupport.parseRfc4180;
import static ai.clavata.sdk.batch.BatchTestSupport.stored;
import static ai.clavata.sdk.batch.BatchTestSupport.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.model.BatchJobCreated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The presigned PUT of the batch input: its CSV, its headers, and storage failures. */
class BatchUploadTest extends MockServerTest {
  /** A separate storage host. */
  @StartStop final MockWebServer storage = new MockWebServer();

  @TempDir Path dir;

  private BatchJobCreated createdFor(MockWebServer host) {
    return new BatchJobCreated(
        "bj-1",
        "nightly",
        null,
        host.url("/upload/bj-1.csv?X-Amz-Expires=14400&X-Amz-Signature=sig").toString());
  }

  /** Content that breaks naive CSV writers and readers. */
  static List<BatchInputRow> hostileRows() {
    return List.of(
        BatchInputRow.text("comma", "a, b, c"),
        BatchInputRow.text("quote", "she said \"hi\" and \"\"bye\"\""),
        BatchInputRow.text("lone-quote", "\""),
        BatchInputRow.text("cr", "one\rtwo"),
        BatchInputRow.text("lf", "one\ntwo"),
        BatchInputRow.text("crlf", "one\r\ntwo\r\n"),
        BatchInputRow.text("emoji", "ok 👍🏽 café Ünïcödé 日本語 עברית \u0000x"),
        BatchInputRow.text("formula", "=HYPERLINK(\"http://evil\",\"x\")"),
        BatchInputRow.text("plus", "+1+2"),
        BatchInputRow.text("spaces", "  padded  "),
        BatchInputRow.text("only-space", " "),
        BatchInputRow.text("empty", ""),
        BatchInputRow.text("hash", "# not a comment"),
        BatchInputRow.text("tab", "\tindent"),
        BatchInputRow.text("all", " ,\"\r\n=👍\" , "),
        BatchInputRow.text("ref,with \"quotes\"\n", "x"),
        BatchInputRow.imageUrl("img", "https://example.com/a.png?x=1,2&y=\"3\""));
  }

  @Test
  void hostileContentSurvivesTheRoundTrip() throws Exception {
    storage.enqueue(stored());
    List<BatchInputRow> rows = hostileRows();

    long uploaded = client.batch().upload(createdFor(storage), BatchInput.of(rows));

    assertThat(uploaded).isEqualTo(rows.size());
    RecordedRequest put = storage.takeRequest();
    String body = put.getBody().string(StandardCharsets.UTF_8);
    List<List<String>> expected = new ArrayList<>();
    expected.add(List.of("ref_id", "type", "content"));
    for (BatchInputRow row : rows) {
      expected.add(List.of(row.refId(), row.type().csvName(), row.content()));
    }
    assertThat(parseRfc4180(body)).containsExactlyElementsOf(expected);
    assertThat(parseCsv(body)).containsExactlyElementsOf(expected);
    assertThat(body).startsWith("ref_id,type,content\r\n");
    // Bytes are UTF-8, not a lossy encoding.
    assertThat(put.getBody().toByteArray()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    assertThat(body).contains("👍🏽");
  }

  @Test
  void putCarriesNoCredentialsAndAKnownLength() throws Exception {
    storage.enqueue(stored());

    client.batch().upload(createdFor(storage), BatchInput.of(hostileRows()));

    assertThat(server.getRequestCount()).isZero();
    RecordedRequest put = storage.takeRequest();
    assertCleanPut(put);
    assertThat(put.getUrl().encodedPath()).isEqualTo("/upload/bj-1.csv");
    assertThat(put.getUrl().queryParameter("X-Amz-Signature")).isEqualTo("sig");
  }

  @Test
  void putToTheApiHostItselfStillCarriesNoCredentials() throws Exception {
    server.enqueue(stored());
    BatchJobCreated created =
        new BatchJobCreated(
            "bj-1", "n", null, server.url("/upload/abc?X-Amz-Signature=sig").toString());

    client.batch().upload(created, BatchInput.of(hostileRows()));

    RecordedRequest put = server.takeRequest();
    assertThat(put.getUrl().port()).isEqualTo(server.getPort());
    assertCleanPut(put);
  }

  @Test
  void userInterceptorsDoNotSeeOrAlterTheStorageRequest() throws Exception {
    List<String> seen = new ArrayList<>();
    try (ClavataClient intercepted =
        TestClients.builder(server, timing)
            .addInterceptor(
                chain -> {
                  seen.add(chain.request().url().toString());
                  return chain.proceed(
                      chain
                          .request()
                          .newBuilder()
                          .header("X-Tracing", "leak")
                          .header("Authorization", "Bearer " + TestClients.API_KEY)
                          .build());
                })
            .build()) {
      storage.enqueue(stored());
      server.enqueue(stored());

      intercepted.batch().upload(createdFor(storage), BatchInput.of(hostileRows()));
      intercepted
          .batch()
          .upload(
              new BatchJobCreated("bj-2", "n", null, server.url("/upload/same-host").toString()),
              BatchInput.of(hostileRows()));
    }

    assertThat(seen).isEmpty();
    for (RecordedRequest put : List.of(storage.takeRequest(), server.takeRequest())) {
      assertCleanPut(put);
      assertThat(put.getHeaders().get("X-Tracing")).isNull();
    }
  }

  private static void assertCleanPut(RecordedRequest put) {
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getHeaders().get("Authorization")).isNull();
    assertThat(put.getHeaders().toString()).doesNotContain(TestClients.API_KEY);
    assertThat(put.getUrl().toString()).doesNotContain(TestClients.API_KEY);
    String userAgent = put.getHeaders().get("User-Agent");
    if (userAgent != null) {
      assertThat(userAgent.toLowerCase(Locale.ROOT)).doesNotContain("clavata");
    }
    assertThat(put.getHeaders().get("Content-Type")).isEqualTo("text/csv");
    assertThat(put.getHeaders().get("Transfer-Encoding")).isNull();
    assertThat(put.getHeaders().get("Content-Length")).isEqualTo(Long.toString(put.getBodySize()));
    assertThat(put.getBodySize()).isPositive();
    assertThat(put.getChunkSizes()).isNullOrEmpty();
  }

  @Test
  void aStreamOfRowsIsUploaded() throws Exception {
    storage.enqueue(stored());

    long uploaded =
        client
            .batch()
            .upload(
                createdFor(storage),
                BatchInput.of(
                    Stream.of("1", "2", "3").map(id -> BatchInputRow.text(id, "text " + id))));

    assertThat(uploaded).isEqualTo(3);
    RecordedRequest put = storage.takeRequest();
    assertCleanPut(put);
    assertThat(parseRfc4180(put.getBody().utf8()))
        .containsExactly(
            List.of("ref_id", "type", "content"),
            List.of("1", "text", "text 1"),
            List.of("2", "text", "text 2"),
            List.of("3", "text", "text 3"));
  }

  @Test
  void aStreamInputCanBeUploadedOnlyOnce() {
    storage.enqueue(stored());
    BatchInput once = BatchInput.of(Stream.of(BatchInputRow.text("1", "x")));
    client.batch().upload(createdFor(storage), once);

    assertThatThrownBy(() -> client.batch().upload(createdFor(storage), once))
        .isInstanceOf(IllegalStateException.class);
    assertThat(storage.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnreachableStorageHostIsAnIoError() throws Exception {
    MockWebServer gone = new MockWebServer();
    gone.start();
    BatchJobCreated created = createdFor(gone);
    gone.close();

    assertThatThrownBy(() -> client.batch().upload(created, BatchInput.of(hostileRows())))
        .isInstanceOf(ClavataIoException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestClients.API_KEY));
    assertThat(timing.sleeps()).isNotEmpty(); // a refused connection is retried
  }

  @Test
  void anIterableIsReadLazilyOnce() throws Exception {
    storage.enqueue(stored());
    AtomicInteger iterations = new AtomicInteger();
    Iterable<BatchInputRow> rows =
        () -> {
          iterations.incrementAndGet();
          return Stream.of(BatchInputRow.imageUrl("i", "https://e.com/i.png")).iterator();
        };

    client.batch().upload(createdFor(storage), BatchInput.of(rows));

    assertThat(iterations).hasValue(1);
    assertThat(parseRfc4180(storage.takeRequest().getBody().utf8()))
        .containsExactly(
            List.of("ref_id", "type", "content"), List.of("i", "image_url", "https://e.com/i.png"));
  }

  @Test
  void aCsvFileIsUploadedByteForByte() throws Exception {
    storage.enqueue(stored());
    byte[] bytes =
        ("\uFEFFref_id,type,content\n"
                + "1,text,\"multi\nline, with \"\"quotes\"\"\"\n"
                + "2,image_url,https://example.com/x.png\n"
                + "3,TEXT,  spaced  \n")
            .getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("input.csv"), bytes);

    long uploaded = client.batch().upload(createdFor(storage), BatchInput.fromCsv(file));

    assertThat(uploaded).isEqualTo(3);
    RecordedRequest put = storage.takeRequest();
    assertCleanPut(put);
    assertThat(put.getBody().toByteArray()).isEqualTo(bytes);
    assertThat(put.getBodySize()).isEqualTo(bytes.length);
    assertThat(file).hasBinaryContent(bytes); // left as it was
  }

  @Test
  void aMissingCsvFileIsRejected() {
    assertThatThrownBy(() -> BatchInput.fromCsv(dir.resolve("nope.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.csv");
  }

  @Test
  void forbiddenFromStorageSaysTheUrlMayHaveExpired() {
    storage.enqueue(xml(403, "AccessDenied", "Request has expired"));

    assertThatThrownBy(
            () -> client.batch().upload(createdFor(storage), BatchInput.of(hostileRows())))
        .isInstanceOf(PermissionDeniedException.class)
        .satisfies(e -> assertExpiredMessage((ClavataApiException) e, 403))
        .hasMessageContaining("Request has expired");
    assertThat(storage.getRequestCount()).isEqualTo(1); // not retried
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void badRequestFromStorageSaysTheUrlMayHaveExpired() {
    storage.enqueue(xml(400, "AuthorizationQueryParametersError", "X-Amz-Expires must be less"));

    assertThatThrownBy(
            () -> client.batch().upload(createdFor(storage), BatchInput.of(hostileRows())))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertExpiredMessage((ClavataApiException) e, 400));
    assertThat(storage.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anExpiredUrlOnTheApiHostNeverMentionsTheKey() {
    server.enqueue(xml(403, "AccessDenied", "key " + TestClients.API_KEY + " is not valid here"));
    BatchJobCreated created =
        new BatchJobCreated(
            "bj-1", "n", null, server.url("/upload/abc?X-Amz-Signature=s").toString());

    assertThatThrownBy(() -> client.batch().upload(created, BatchInput.of(hostileRows())))
        .isInstanceOf(PermissionDeniedException.class)
        .satisfies(e -> assertExpiredMessage((ClavataApiException) e, 403));
  }

  private static void assertExpiredMessage(ClavataApiException e, int status) {
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.getMessage())
        .containsIgnoringCase("expired")
        .contains("4 hours")
        .containsIgnoringCase("new batch job")
        .doesNotContain(TestClients.API_KEY);
    assertThat(String.valueOf(e)).doesNotContain(TestClients.API_KEY);
  }

  @Test
  void aServiceUnavailableStorageIsRetried() throws Exception {
    storage.enqueue(new MockResponse.Builder().code(503).body("SlowDown").build());
    storage.enqueue(stored());

    long uploaded = client.batch().upload(createdFor(storage), BatchInput.of(hostileRows()));

    assertThat(uploaded).isEqualTo(hostileRows().size());
    assertThat(storage.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
    RecordedRequest first = storage.takeRequest();
    RecordedRequest second = storage.takeRequest();
    assertCleanPut(second);
    assertThat(second.getBody()).isEqualTo(first.getBody()); // the spooled file is sent again
    assertThat(second.getBodySize()).isPositive();
  }

  @Test
  void aCsvFileIsRetriedAfterA503() throws Exception {
    storage.enqueue(new MockResponse.Builder().code(503).build());
    storage.enqueue(stored());
    byte[] bytes = "ref_id,type,content\r\n1,text,hi\r\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("in.csv"), bytes);

    client.batch().upload(createdFor(storage), BatchInput.fromCsv(file));

    assertThat(timing.sleeps()).hasSize(1);
    storage.takeRequest();
    assertThat(storage.takeRequest().getBody().toByteArray()).isEqualTo(bytes);
  }

  @Test
  void aPersistentStorageFailureIsReportedAfterTheRetries() {
    for (int i = 0; i < 3; i++) {
      storage.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    }

    assertThatThrownBy(
            () -> client.batch().upload(createdFor(storage), BatchInput.of(hostileRows())))
        .isInstanceOf(ServerException.class)
        .satisfies(e -> assertThat(((ClavataApiException) e).httpStatus()).isEqualTo(503));
    assertThat(storage.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void theSpoolFileExistsDuringTheUploadAndIsDeletedAfterwards() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = spools(tmp);
    List<Path> duringUpload = new ArrayList<>();
    storage.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            try {
              for (Path p : spools(tmp)) {
                if (!before.contains(p) && Files.size(p) == request.getBodySize()) {
                  duringUpload.add(p);
                }
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return stored();
          }
        });

    client.batch().upload(createdFor(storage), BatchInput.of(hostileRows()));

    assertThat(duringUpload).isNotEmpty();
    assertThat(duringUpload).noneMatch(Files::exists);
  }

  @Test
  void theSpoolFileIsDeletedWhenARowIsInvalid() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = spools(tmp);
    List<Path> seen = new ArrayList<>();
    Iterable<BatchInputRow> rows =
        () ->
            Stream.of("a", "b", "a")
                .map(
                    id -> {
                      try {
                        // Ours is tiny (its writer is still buffering); a concurrent benchmark's is
                        // not.
                        for (Path p : spools(tmp)) {
                          if (!before.contains(p) && Files.size(p) < 1024) {
                            seen.add(p);
                          }
                        }
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                      return BatchInputRow.text(id, "x");
                    })
                .iterator();

    assertThatThrownBy(() -> client.batch().upload(createdFor(storage), BatchInput.of(rows)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(seen).isNotEmpty();
    assertThat(seen).noneMatch(Files::exists);
    assertThat(storage.getRequestCount()).isZero();
  }

  private static List<Path> spools(Path tmp) throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("clavata-batch-")).toList();
    }
  }
}
