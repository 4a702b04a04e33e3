package ai.clavata.sdk.internal.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** What the recording keeps: the current line and the read-ahead, not the whole stream. */
class RecordingSourceTest {

  private static String line(int i) {
    return "{\"i\":" + i + ",\"pad\":\"" + "p".repeat(1000) + "\"}\n";
  }

  @Test
  void aSlowStreamKeepsAboutOneLineAndStillShowsTheLastOne() throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      chunks.add(line(i).getBytes(StandardCharsets.UTF_8));
    }
    chunks.add("{\"i\":\"last\"}\n".getBytes(StandardCharsets.UTF_8));
    RecordingSource recording =
        new RecordingSource(new NdjsonReaderTest.ChunkedSource(chunks), Long.MAX_VALUE);
    Buffer sink = new Buffer();
    long position = 0;
    for (int i = 0; i < chunks.size(); i++) {
      recording.startLine(position); // the parser finished the line before
      position += recording.read(sink, 8192);
      sink.clear();
    }

    assertThat(recording.capacity()).as("1,000 lines of 1 KB kept in").isLessThanOrEqualTo(4096);
    assertThat(recording.excerptAround(position - 2)).isEqualTo("{\"i\":\"last\"}");
  }

  @Test
  void aFastStreamShowsTheLineAtAnOffsetBehindTheReadAhead() throws IOException {
    StringBuilder body = new StringBuilder();
    long lineStart = 0;
    for (int i = 0; i < 100; i++) {
      if (i == 90) {
        lineStart = body.length(); // ASCII: chars and bytes agree
      }
      body.append(line(i));
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    RecordingSource recording = new RecordingSource(new Buffer().write(bytes), Long.MAX_VALUE);
    recording.startLine(lineStart); // the parser is at line 90, 10 KB behind the reads
    Buffer sink = new Buffer();
    while (recording.read(sink, 8192) > 0) {
      sink.clear();
    }

    assertThat(recording.excerptAround(lineStart + 1)).startsWith("{\"i\":90,");
    assertThat(recording.capacity()).isLessThan(bytes.length / 4);
  }
}
