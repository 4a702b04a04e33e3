package ai.clavata.sdk.batch;

import static ai.clavata.sdk.batch.BatchTestSupport.completedOn;
import static ai.clavata.sdk.batch.BatchTestSupport.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluationStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Batch results behave as every result stream of the SDK: iterable once, and the download released
 * at the end, on a failure, by {@code close()}, and by the Cleaner when forgotten.
 */
class BatchResultsLifecycleTest extends MockServerTest {
  @StartStop final MockWebServer storage = new MockWebServer();

  private static List<BatchResultRow> all(BatchResults results) {
    List<BatchResultRow> rows = new ArrayList<>();
    results.forEach(rows::add);
    return rows;
  }

  /** Runs {@code test} with a client on a pool the test can inspect. */
  private void withPool(Consumer<ConnectionPool> test, Consumer<ClavataClient> use) {
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();
    try (ClavataClient sharing = TestClients.builder(server, timing).okHttpClient(shared).build()) {
      use.accept(sharing);
      test.accept(pool);
    } finally {
      shared.dispatcher().executorService().shutdown();
      pool.evictAll();
    }
  }

  private static void assertNothingInUse(ConnectionPool pool) {
    assertThat(pool.connectionCount()).isEqualTo(pool.idleConnectionCount());
  }

  @Test
  void resultsAreIterableOnce() {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text,,b,\r\n"));

    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(all(results)).hasSize(2);
      assertThatThrownBy(results::iterator).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(results::stream).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void streamWorksAndClosingItClosesTheResults() {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text,,b,boom\r\n"));

    BatchResults results = client.batch().results(completedOn(storage));
    List<String> errors;
    try (var stream = results.stream()) {
      errors = stream.filter(BatchResultRow::isError).map(BatchResultRow::refId).toList();
    }
    assertThat(errors).containsExactly("2");
    results.close(); // idempotent
  }

  @Test
  void fixedResultsForMocks() {
    BatchResultRow row = new BatchResultRow("1", BatchContentType.TEXT, null, null, null);
    try (BatchResults results = BatchResults.of(List.of(row))) {
      assertThat(results.stream().toList()).containsExactly(row);
    }
    assertThat(row.labels()).isEmpty();
    assertThat(row.content()).isEmpty();
    assertThat(row.isError()).isFalse();
  }

  @Test
  void closingEarlyReleasesTheConnection() throws Exception {
    StringBuilder big = new StringBuilder("ref_id,type,labels,content,error\r\n");
    for (int i = 0; i < 50_000; i++) {
      big.append(i)
          .append(",text,\"[{\"\"label\"\":\"\"A\"\",\"\"score\"\":0.5}]\",content ")
          .append(i)
          .append(",\r\n");
    }
    storage.enqueue(csv(big.toString()));
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();
    try (ClavataClient sharing = TestClients.builder(server, timing).okHttpClient(shared).build()) {
      BatchResults results = sharing.batch().results(completedOn(storage));
      Iterator<BatchResultRow> it = results.iterator();
      assertThat(it.next().refId()).isEqualTo("0");
      assertThat(it.next().refId()).isEqualTo("1");
      assertThat(pool.connectionCount()).isEqualTo(1);
      assertThat(pool.idleConnectionCount()).isZero(); // the download holds it

      results.close();

      assertThat(pool.connectionCount()).isEqualTo(pool.idleConnectionCount());
    } finally {
      shared.dispatcher().executorService().shutdown();
      pool.evictAll();
    }
  }

  @Test
  void readingToTheEndThenClosingReturnsTheConnectionToThePool() throws Exception {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n"));
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n2,text,,b,\r\n"));
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();
    try (ClavataClient sharing = TestClients.builder(server, timing).okHttpClient(shared).build()) {
      try (BatchResults results = sharing.batch().results(completedOn(storage))) {
        assertThat(all(results)).hasSize(1);
      }
      assertThat(pool.idleConnectionCount()).isEqualTo(1);
      try (BatchResults results = sharing.batch().results(completedOn(storage))) {
        assertThat(all(results)).extracting(BatchResultRow::refId).containsExactly("2");
      }
      assertThat(pool.connectionCount()).isEqualTo(1);
      assertThat(pool.idleConnectionCount()).isEqualTo(1);
      storage.takeRequest(1, TimeUnit.SECONDS);
      assertThat(storage.takeRequest(1, TimeUnit.SECONDS).getExchangeIndex()).isEqualTo(1);
    } finally {
      shared.dispatcher().executorService().shutdown();
      pool.evictAll();
    }
  }

  @Test
  void iteratingToTheEndReleasesTheDownloadWithoutClose() {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text,,b,\r\n"));
    withPool(
        BatchResultsLifecycleTest::assertNothingInUse,
        client -> assertThat(all(client.batch().results(completedOn(storage)))).hasSize(2));
  }

  @Test
  void aMalformedRowReleasesTheDownload() {
    storage.enqueue(
        csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text\r\n3,text,,c,\r\n"));
    withPool(
        BatchResultsLifecycleTest::assertNothingInUse,
        client -> {
          BatchResults results = client.batch().results(completedOn(storage));
          assertThatThrownBy(() -> all(results)).isInstanceOf(ClavataDecodeException.class);
        });
  }

  @Test
  void toListReadsEveryRow() {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\n1,text,,a,\r\n2,text,,b,x\r\n"));
    try (BatchResults results = client.batch().results(completedOn(storage))) {
      assertThat(results.toList()).extracting(BatchResultRow::refId).containsExactly("1", "2");
    }
  }

  /** Opens results, reads one row and drops them without closing them. */
  private WeakReference<BatchResults> openAndForget(ClavataClient client) {
    BatchResults results = client.batch().results(completedOn(storage));
    assertThat(results.iterator().next().refId()).isEqualTo("0");
    return new WeakReference<>(results);
  }

  @Test
  void forgottenResultsAreReleasedByTheCleaner() throws InterruptedException {
    StringBuilder big = new StringBuilder("ref_id,type,labels,content,error\r\n");
    for (int i = 0; i < 50_000; i++) {
      big.append(i).append(",text,,content ").append(i).append(",\r\n");
    }
    storage.enqueue(csv(big.toString()));
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();
    try (ClavataClient sharing = TestClients.builder(server, timing).okHttpClient(shared).build()) {
      WeakReference<BatchResults> forgotten = openAndForget(sharing);
      assertThat(pool.idleConnectionCount()).as("the download holds its connection").isZero();

      boolean released = false;
      for (int i = 0; i < 200 && !released; i++) {
        System.gc(); // the Cleaner runs only after a collection; nothing else can signal it
        TimeUnit.MILLISECONDS.sleep(10);
        released = forgotten.get() == null && pool.connectionCount() == pool.idleConnectionCount();
      }
      assertThat(forgotten.get() == null).as("the results were collected").isTrue();
      assertThat(released).as("the download was released").isTrue();
    } finally {
      shared.dispatcher().executorService().shutdown();
      pool.evictAll();
    }
  }

  @Test
  void fixedStreamsForMocksAreIterableOnceLikeRealOnes() {
    try (EvaluationStream stream =
        EvaluationStream.of(List.of(new EvaluationResult(0, null, "j", "h", null)))) {
      assertThat(stream.toList()).hasSize(1);
      assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }
    try (BatchResults rows = BatchResults.of(List.of())) {
      assertThat(rows.toList()).isEmpty();
      assertThatThrownBy(rows::toList).isInstanceOf(IllegalStateException.class);
    }
  }
}
