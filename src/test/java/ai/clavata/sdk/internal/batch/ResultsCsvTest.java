package ai.clavata.sdk.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.batch.BatchLabel;
import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.internal.http.Redactor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {
  private static final Redactor REDACTOR = new Redactor(() -> "ck_csv_test_key_0123");

  private static ResultsCsv read(String text) {
    return new ResultsCsv(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), REDACTOR);
  }

  @Test
  void readsRowsLazilyAndEndsWithNoSuchElement() {
    ResultsCsv rows =
        read(
            "ref_id,type,labels,content,error\n"
                + "1,text,\"[{\"\"label\"\":\"\"A\"\",\"\"score\"\":\"\"0.25\"\"}]\",x,\n"
                + "2,image_url,,u,bad\n");

    assertThat(rows.hasNext()).isTrue();
    assertThat(rows.hasNext()).isTrue(); // idempotent
    BatchResultRow first = rows.next();
    assertThat(first.labels()).containsExactly(new BatchLabel("A", 0.25));
    BatchResultRow second = rows.next();
    assertThat(second.isError()).isTrue();
    assertThat(rows.hasNext()).isFalse();
    assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void nonAsciiSurvives() {
    ResultsCsv rows =
        read("ref_id,type,labels,content,error\r\nü,text,[],\"👍 日本, \"\"x\"\"\",\r\n");

    BatchResultRow row = rows.next();
    assertThat(row.refId()).isEqualTo("ü");
    assertThat(row.content()).isEqualTo("👍 日本, \"x\"");
  }

  @Test
  void decodeErrorsNameTheirLine() {
    ResultsCsv rows =
        read("ref_id,type,labels,content,error\n1,text,,a,\n2,text,,b,\n3,text,notjson,c,\n");

    List<String> ids = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              while (rows.hasNext()) {
                ids.add(rows.next().refId());
              }
            })
        .isInstanceOfSatisfying(
            ClavataDecodeException.class,
            e -> {
              assertThat(e.lineNumber()).isEqualTo(4);
              assertThat(e.excerpt()).contains("notjson");
            });
    assertThat(ids).containsExactly("1", "2");
  }

  @Test
  void aLabelWithBothKeysPrefersLabel() {
    ResultsCsv rows =
        read(
            "ref_id,type,labels,content,error\n"
                + "1,text,\"[{\"\"label\"\":\"\"L\"\",\"\"name\"\":\"\"N\"\",\"\"score\"\":0}]\",x,\n");

    assertThat(rows.next().labels()).containsExactly(new BatchLabel("L", 0.0));
  }

  @Test
  void aHeaderThatNamesAColumnTwiceIsADecodeErrorNamingIt() {
    for (String header : List.of("ref_id,type,ref_id", "ref_id,error,labels,error")) {
      assertThatThrownBy(() -> read(header + "\n"))
          .as(header)
          .isInstanceOf(ClavataDecodeException.class)
          .hasMessageContaining("twice")
          .hasMessageContaining("line 1");
    }
  }
}
