package ai.clavata.sdk.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.batch.BatchInputRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        .satisfies(
            e -> assertThat(e.getSuppressed()[0]).hasMessage("batch input row 4 is null"));
  }

  @Test
  void writeReportsAnEarlierRepeatBeforeTheRowSourceFails() {
    Path out = dir.resolve("out.csv");
    IllegalStateException broken = new IllegalStateException("the source broke");
    String[] ids = {"x", "a", "x"};
    Iterable<BatchInputRow> rows =
        () -> IntStream.range(0, 4)
            .mapToObj(i -> {
              if (i == 3) {
                throw broken;
              }
              return BatchInputRow.text(ids[i], "c");
            })
            .iterator();

    assertThatThrownBy(() -> InputCsv.write(rows, out))
        .hasMessageStartingWith("row 3 repeats the ref_id 'x'")
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(broken));
  }

  @Test
  void writeLetsTheRowSourceFailureThroughWhenNothingRepeats() {
    Path out = dir.resolve("out.csv");
    IllegalStateException broken = new IllegalStateException("the source broke");
    Iterable<BatchInputRow> rows =
        () -> IntStream.range(0, 3)
            .mapToObj(i -> {
              if (i == 2) {
                throw broken;
              }
              return BatchInputRow.text("r" + (9 - i), "c"); // out of order: ids are queued
            })
            .iterator();

    assertThatThrownBy(() -> InputCsv.write(rows, out)).isSameAs(broken);
  }

  @Test
  void checkReportsAnEarlierRepeatBeforeALaterBadType() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("in.csv"),
            "ref_id,type,content\r\nb,text,1\r\na,text,2\r\nb,text,3\r\nc,audio,4\r\n",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> InputCsv.check(file))
        .hasMessageStartingWith("row 3 (line 4) of " + file + " repeats the ref_id 'b'")
        .satisfies(
            e -> assertThat(e.getSuppressed()[0]).hasMessageContaining("has type 'audio'"));
  }

  @Test
  void checkReportsAnEarlierRepeatBeforeMalformedCsv() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("in.csv"),
            "ref_id,type,content\nb,text,1\na,text,2\nb,text,3\nc,text,\"unterminated\n",
            StandardCharsets.UTF_8);

    assertThatThrownBy(() -> InputCsv.check(file))
        .hasMessageStartingWith("row 3 (line 4) of " + file + " repeats the ref_id 'b'")
        .satisfies(
            e -> assertThat(e.getSuppressed()[0]).hasMessageContaining("is not valid CSV"));
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
