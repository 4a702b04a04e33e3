package ai.clavata.sdk.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.model.BatchJobCreated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused before anything is sent to the storage URL, and the bad row is named. */
class BatchValidationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer storage = new MockWebServer();

  @TempDir Path dir;

  private ClavataClient client;
  private BatchJobCreated created;
  private int expectedStorageRequests;

  @BeforeEach
  void setUp() {
    client = TestClients.client(server, new FakeTiming());
    created =
        new BatchJobCreated("bj-1", "n", null, storage.url("/upload?X-Amz-Signature=s").toString());
  }

  @AfterEach
  void tearDown() {
    client.close();
    assertThat(storage.getRequestCount())
        .as("requests to the storage URL")
        .isEqualTo(expectedStorageRequests);
    assertThat(server.getRequestCount()).as("requests to the API").isZero();
  }

  private void upload(BatchInput input) {
    client.batch().upload(created, input);
  }

  private Path csv(String text) throws Exception {
    return Files.write(dir.resolve("in.csv"), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void duplicateRefIdsInRowsAreRefusedNamingTheRow() {
    List<BatchInputRow> rows =
        List.of(
            BatchInputRow.text("a", "1"),
            BatchInputRow.text("b", "2"),
            BatchInputRow.imageUrl("c", "https://e.com/c.png"),
            BatchInputRow.text("b", "again"));

    assertThatThrownBy(() -> upload(BatchInput.of(rows)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 4")
        .hasMessageContaining("'b'");
  }

  @Test
  void duplicateRefIdsLateInALargeInputAreRefused() {
    List<BatchInputRow> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(BatchInputRow.text("id-" + i, "x"));
    }
    rows.add(BatchInputRow.text("id-123", "dup"));

    assertThatThrownBy(() -> upload(BatchInput.of(rows)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 20001")
        .hasMessageContaining("id-123");
  }

  @Test
  void refIdsDifferingOnlyInCaseOrSpaceAreDistinct() {
    storage.enqueue(BatchTestSupport.stored());
    List<BatchInputRow> rows =
        List.of(
            BatchInputRow.text("a", "1"),
            BatchInputRow.text("A", "2"),
            BatchInputRow.text("a ", "3"));

    assertThat(client.batch().upload(created, BatchInput.of(rows))).isEqualTo(3);
    expectedStorageRequests = 1;
  }

  @Test
  void duplicateRefIdsInACsvFileAreRefusedNamingTheRowAndLine() throws Exception {
    Path file =
        csv(
            "ref_id,type,content\r\n"
                + "a,text,\"two\r\nlines\"\r\n"
                + "b,text,x\r\n"
                + "a,text,y\r\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("line 5")
        .hasMessageContaining("'a'")
        .hasMessageContaining(file.toString());
  }

  @Test
  void aBadTypeInACsvFileIsRefused() throws Exception {
    Path file = csv("ref_id,type,content\n1,text,ok\n2,video,https://e.com/v.mp4\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("line 3")
        .hasMessageContaining("video");
  }

  @Test
  void anEmptyRefIdInACsvFileIsRefused() throws Exception {
    Path file = csv("ref_id,type,content\n1,text,ok\n  ,text,no id\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("ref_id");
  }

  @Test
  void anUnterminatedQuoteInACsvFileIsRefusedNamingTheRowAndLine() throws Exception {
    Path file = csv("ref_id,type,content\n1,text,ok\n2,text,\"never closed\n3,text,x\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("line 3")
        .hasMessageContaining(file.toString());
  }

  @Test
  void anUnterminatedQuoteInTheHeaderIsRefused() throws Exception {
    Path file = csv("\"ref_id,type,content\n1,text,ok\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aBlankLineInACsvFileIsRefusedNamingItsLine() throws Exception {
    Path file = csv("ref_id,type,content\n1,text,ok\n\n2,text,x\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void aWrongHeaderIsRefused() throws Exception {
    Path file = csv("id,type,content\n1,text,ok\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ref_id,type,content");
  }

  @Test
  void aHeaderInAnotherOrderIsRefused() throws Exception {
    Path file = csv("type,ref_id,content\ntext,1,ok\n");

    assertThatThrownBy(() -> upload(BatchInput.fromCsv(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
  }

  @Test
  void aRowWithTooFewOrTooManyCellsIsRefused() throws Exception {
    Path few = csv("ref_id,type,content\n1,text,ok\n2,text\n");
    assertThatThrownBy(() -> upload(BatchInput.fromCsv(few)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("2 cells");

    Path many =
        Files.write(
            dir.resolve("many.csv"),
            "ref_id,type,content\n1,text,a,b\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> upload(BatchInput.fromCsv(many)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("4 cells");
  }

  @Test
  void anEmptyCsvFileIsRefused() throws Exception {
    Path empty = csv("");
    assertThatThrownBy(() -> upload(BatchInput.fromCsv(empty)))
        .isInstanceOf(IllegalArgumentException.class);

    Path headerOnly =
        Files.write(
            dir.resolve("h.csv"), "ref_id,type,content\r\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> upload(BatchInput.fromCsv(headerOnly)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rows");
  }

  @Test
  void emptyRowsAreRefused() {
    assertThatThrownBy(() -> upload(BatchInput.of(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rows");
    assertThatThrownBy(() -> upload(BatchInput.of(Stream.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rows");
  }

  @Test
  void aNullRowIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> upload(BatchInput.of(Arrays.asList(BatchInputRow.text("a", "x"), null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "\r\n"})
  void rowFactoriesRejectBlankRefIds(String refId) {
    assertThatThrownBy(() -> BatchInputRow.text(refId, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refId");
    assertThatThrownBy(() -> BatchInputRow.imageUrl(refId, "https://e.com/x.png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refId");
  }

  @Test
  void rowsRejectAnUnrecognizedTypeAndNullContent() {
    assertThatThrownBy(() -> new BatchInputRow("a", BatchContentType.UNRECOGNIZED, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
    assertThatThrownBy(() -> BatchInputRow.text("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'a'");
    assertThatThrownBy(() -> new BatchInputRow("a", null, "x"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void contentTypesReadInAnyCase() {
    assertThat(BatchContentType.fromCsv(" TEXT ")).isEqualTo(BatchContentType.TEXT);
    assertThat(BatchContentType.fromCsv("Image_URL")).isEqualTo(BatchContentType.IMAGE_URL);
    assertThat(BatchContentType.fromCsv("video")).isEqualTo(BatchContentType.UNRECOGNIZED);
    assertThat(BatchContentType.fromCsv("")).isEqualTo(BatchContentType.UNRECOGNIZED);
    assertThat(BatchContentType.fromCsv(null)).isEqualTo(BatchContentType.UNRECOGNIZED);
  }
}
