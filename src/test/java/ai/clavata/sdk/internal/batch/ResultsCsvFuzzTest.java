package ai.clavata.sdk.internal.batch;

import static org.assertj.core.api.Assertions.fail;

import ai.clavata.sdk.Mutator;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.internal.http.Redactor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the results CSV parser: whatever the bytes, reading every row yields rows or a
 * {@link ClavataException}, nothing else.
 */
class ResultsCsvFuzzTest {
  private static final long SEED = 4_177L;
  private static final int CASES = 5_000;
  private static final Redactor REDACTOR = new Redactor(() -> TestClients.API_KEY);
  private static final String VALID =
      "ref_id,type,labels,content,error\n"
          + "post-1,text,\"[{\"\"label\"\":\"\"Threats\"\",\"\"score\"\":0.9},{\"\"name\"\":\"\"Spam\"\",\"\"score\"\":\"\"0.1\"\"}]\","
          + "\"say \"\"hi\"\", then\nleave\",\n"
          + "img-1,image_url,,https://example.com/a.png,unsupported format\n"
          + "post-2,text,[],\"é 😀\",\n";

  /** Files that once broke the parser. */
  private static final List<String> CORPUS =
      List.of(
          "ref_id,type,labels,labels,content,error\na,text,,,x,\n",
          "ref_id\n\"unterminated\n",
          "",
          "\uFEFFref_id,labels\na,[null]\n",
          "ref_id,labels\na,\"[{\"\"label\"\":null,\"\"score\"\":1e999}]\"\n",
          "ref_id,labels\na,\"" + "[".repeat(3000) + "\"\n");

  private static void readAll(byte[] file) {
    try {
      ResultsCsv rows = new ResultsCsv(new ByteArrayInputStream(file), REDACTOR);
      while (rows.hasNext()) {
        rows.next().toString();
      }
    } catch (ClavataException expected) {
      // a malformed file is reported as such
    } catch (RuntimeException | StackOverflowError unexpected) {
      fail(
          "reading <" + new String(file, StandardCharsets.UTF_8) + "> threw " + unexpected,
          unexpected);
    }
  }

  @Test
  void theCorpusYieldsRowsOrClavataExceptions() {
    CORPUS.forEach(file -> readAll(file.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void mutatedFilesYieldRowsOrClavataExceptions() {
    Mutator mutator = new Mutator(SEED);
    for (int i = 0; i < CASES; i++) {
      readAll(mutator.mutate(VALID));
    }
  }
}
