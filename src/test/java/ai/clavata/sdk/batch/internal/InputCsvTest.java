package ai.clavata.sdk.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.batch.BatchInputRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
