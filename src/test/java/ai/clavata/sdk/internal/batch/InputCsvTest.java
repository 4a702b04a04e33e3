package ai.clavata.sdk.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.batch.BatchInputRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InputCsvTest {
  @TempDir Path dir;

  @Test
  void writesHeaderCrlfAndQuotesOnlyWhereNeeded() throws Exception {
    Path out = dir.resolve("out.csv");

    long rows =
        InputCsv.write(
            List.of(
                BatchInputRow.text("1", "plain"),
                BatchInputRow.text("2", "a,b"),
                BatchInputRow.text("3", "say \"x\""),
                BatchInputRow.text("4", "l1\nl2"),
                BatchInputRow.imageUrl("5", "https://e.com/i.png")),
            out);

    assertThat(rows).isEqualTo(5);
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "ref_id,type,content\r\n"
                + "1,text,plain\r\n"
                + "2,text,\"a,b\"\r\n"
                + "3,text,\"say \"\"x\"\"\"\r\n"
                + "4,text,\"l1\nl2\"\r\n"
                + "5,image_url,https://e.com/i.png\r\n");
  }

  @Test
  void writtenFilesPassTheirOwnCheck() throws Exception {
    Path out = dir.resolve("out.csv");
    List<BatchInputRow> rows =
        List.of(
            BatchInputRow.text("a", "x\r\ny"),
            BatchInputRow.text("b", ""),
            BatchInputRow.text("c", " = "),
            BatchInputRow.text("d", "\""));
    InputCsv.write(rows, out);

    assertThat(InputCsv.check(out)).isEqualTo(4);
  }

  @Test
  void writeRefusesDuplicatesNamingTheRow() {
    Path out = dir.resolve("out.csv");

    assertThatThrownBy(
            () ->
                InputCsv.write(
                    List.of(
                        BatchInputRow.text("a", "1"),
                        BatchInputRow.text("b", "2"),
                        BatchInputRow.text("a", "3")),
                    out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("'a'");
  }

  @Test
  void writeReportsAnEarlierRepeatBeforeALaterNullRow() {
    Path out = dir.resolve("out.csv");
    List<BatchInputRow> rows = new ArrayList<>();
    rows.add(BatchInputRow.text("b", "1"));
    rows.add(BatchInputRow.text("a", "2"));
    rows.add(BatchInputRow.text("b", "3"));
    rows.add(null);

    assertThatThrownBy(() -> InputCsv.write(rows, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("row 3 repeats the ref_id 'b'")
        .satisfies(e -> assertThat(e.getSuppressed()[0]).hasMessage("batch input row 4 is null"));
  }

  @Test
  void writeReportsAnEarlierRepeatBeforeTheRowSourceFails() {
    IllegalStateException broken = new IllegalStateException("the source broke");

    assertThatThrownBy(() -> InputCsv.write(rowsThenFailure(broken, "x", "a", "x"), out()))
        .hasMessageStartingWith("row 3 repeats the ref_id 'x'")
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(broken));
  }

  @Test
  void writeLetsTheRowSourceFailureThroughWhenNothingRepeats() {
    IllegalStateException broken = new IllegalStateException("the source broke");

    // Out of order, so the ids are queued rather than logged.
    assertThatThrownBy(() -> InputCsv.write(rowsThenFailure(broken, "r9", "r8"), out()))
        .isSameAs(broken);
  }

  /** A row source that yields a text row per id, then throws {@code failure}. */
  private static Iterable<BatchInputRow> rowsThenFailure(RuntimeException failure, String... ids) {
    return () ->
        IntStream.rangeClosed(0, ids.length)
            .mapToObj(
                i -> {
                  if (i == ids.length) {
                    throw failure;
                  }
                  return BatchInputRow.text(ids[i], "c");
                })
            .iterator();
  }

  private Path out() {
    return dir.resolve("out.csv");
  }

  static Stream<Arguments> laterBadRows() {
    return Stream.of(
        Arguments.of("c,audio,4", "has type 'audio'"),
        Arguments.of("c,text,\"unterminated", "is not valid CSV"),
        Arguments.of("c,text", "has 2 cells"));
  }

  @ParameterizedTest
  @MethodSource("laterBadRows")
  void checkReportsAnEarlierRepeatBeforeALaterBadRow(String badRow, String laterProblem)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("in.csv"),
            "ref_id,type,content\r\nb,text,1\r\na,text,2\r\nb,text,3\r\n" + badRow + "\r\n",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> InputCsv.check(file))
        .hasMessageStartingWith("row 3 (line 4) of " + file + " repeats the ref_id 'b'")
        .satisfies(e -> assertThat(e.getSuppressed()[0]).hasMessageContaining(laterProblem));
  }

  @Test
  void checkNamesTheLineOfAnyBadRowAfterMultilineCells() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("in.csv"),
            "ref_id,type,content\n1,text,\"a\nb\nc\"\n2,audio,x\n",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> InputCsv.check(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("line 5")
        .hasMessageContaining("audio");
  }

  @Test
  void checkAcceptsAByteOrderMarkAndSpacesInTheHeader() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("in.csv"),
            "\uFEFFref_id , type,content\r\n1,Text,x\r\n",
            StandardCharsets.UTF_8);

    assertThat(InputCsv.check(file)).isEqualTo(1);
  }
}
