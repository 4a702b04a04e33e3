package ai.clavata.sdk.batch;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.batch.BatchTestSupport.completed;
import static ai.clavata.sdk.batch.BatchTestSupport.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.RawServer;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.model.BatchJobCreated;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the server hands the batch client is checked before it is trusted: null jobs, URLs the SDK
 * will not call, a results file with a repeated column, and a download that breaks, which is a
 * network failure rather than "not valid CSV".
 */
class BatchHardeningTest extends MockServerTest {
  private static final String HEADER = "ref_id,type,labels,content,error\n";
  private static final String ROW =
      "post-1,text,\"[{\"\"label\"\":\"\"A\"\",\"\"score\"\":0.9}]\",hello,\n";

  private static List<BatchResultRow> all(BatchResults results) {
    try (results) {
      List<BatchResultRow> rows = new ArrayList<>();
      results.forEach(rows::add);
      return rows;
    }
  }

  @Test
  void aNullJobInAListingIsADecodeErrorForListAndGet() {
    server.enqueue(ok("{\"batchJobs\":[null]}"));
    server.enqueue(ok("{\"batchJobs\":[null]}"));
    assertThatThrownBy(() -> client.batch().list(ListBatchJobsRequest.builder().build()))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("batchJobs[0] is null");
    assertThatThrownBy(() -> client.batch().get("bj-1"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("batchJobs[0] is null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://files.example.com/in.csv?sig=s3cr3t",
        "not a url",
        "http://storage.example.com/in.csv?sig=s3cr3t"
      })
  void anUploadUrlTheSdkWillNotCallIsRefusedBeforeConnecting(String url) {
    BatchJobCreated created = new BatchJobCreated("bj-1", "n", null, url);
    ClavataDecodeException e =
        catchThrowableOfType(
            ClavataDecodeException.class,
            () ->
                client
                    .batch()
                    .upload(created, BatchInput.of(List.of(BatchInputRow.text("a", "b")))));
    assertThat(e).hasMessageContaining("inputFileUploadUrl").hasMessageNotContaining("s3cr3t");
    assertThat(e.getMessage())
        .containsAnyOf("must be an http(s) URL", "plain http to storage.example.com");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aResultsUrlTheSdkWillNotCallIsRefusedBeforeConnecting() {
    assertThatThrownBy(() -> client.batch().results(completed("ftp://files.example.com/out.csv")))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("outputFileUrl")
        .hasMessageContaining("'ftp://files.example.com/out.csv'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aResultsHeaderThatRepeatsAColumnIsADecodeErrorNamingIt() {
    server.enqueue(csv("ref_id,type,labels,labels,content,error\n" + "a,text,,,x,\n"));
    assertThatThrownBy(() -> client.batch().results(completed(server.url("/out.csv").toString())))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("names the column \"labels\" twice");
  }

  @Test
  void aDownloadCutShortIsANetworkFailureNotMalformedCsv() {
    try (RawServer storage = RawServer.start()) {
      String body = HEADER + ROW + ROW.replace("post-1", "post-2");
      storage.enqueue(RawServer.End.CLOSE, RawServer.head("text/csv", body.length() + 1000), body);
      List<String> seen = new ArrayList<>();
      ClavataIoException e =
          catchThrowableOfType(
              ClavataIoException.class,
              () -> {
                try (BatchResults results =
                    client.batch().results(completed(storage.url("/out.csv")))) {
                  results.forEach(row -> seen.add(row.refId()));
                }
              });
      assertThat(e).isNotNull().hasMessageContaining("downloading the batch results file");
      assertThat(e).isNotInstanceOf(ClavataDecodeException.class);
      assertThat(seen).as("rows before the cut were delivered").startsWith("post-1");
    }
  }

  @Test
  void aDownloadResetInTheMiddleOfARowIsANetworkFailure() {
    try (RawServer storage = RawServer.start()) {
      storage.enqueue(
          RawServer.End.RESET,
          RawServer.chunkedHead("text/csv"),
          RawServer.chunk(HEADER + ROW),
          RawServer.chunk("post-2,text,\"[{\"\"label\"\":"));
      BatchResults results = client.batch().results(completed(storage.url("/out.csv")));
      assertThatThrownBy(() -> all(results))
          .isInstanceOf(ClavataIoException.class)
          .isNotInstanceOf(ClavataDecodeException.class);
    }
  }
}
