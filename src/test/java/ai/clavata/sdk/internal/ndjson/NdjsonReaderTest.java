package ai.clavata.sdk.internal.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Pipe;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class NdjsonReaderTest {

  private static final ObjectReader TREES = Json.MAPPER.readerFor(JsonNode.class);

  /** A value as the tests compare it: the line it starts on and its compact JSON text. */
  record Decoded(long number, String text) {}

  /**
   * A multi-line body with CRLF, blank and whitespace-only lines, multi-byte UTF-8 characters
   * (2-byte é, 4-byte 😀) and a last line without a newline.
   */
  private static final String BODY =
      "{\"a\":\"café\"}\r\n"
          + "\n"
          + "  \t \n"
          + "\r\n"
          + "{\"b\":\"😀 smile 😀\"}\n"
          + "\r\n\r\n"
          + "{\"c\":\"éé😀\"}\r\n"
          + "{\"d\":1}";

  private static final List<Decoded> BODY_LINES =
      List.of(
          new Decoded(1, "{\"a\":\"café\"}"),
          new Decoded(5, "{\"b\":\"😀 smile 😀\"}"),
          new Decoded(8, "{\"c\":\"éé😀\"}"),
          new Decoded(9, "{\"d\":1}"));

  /** Delivers its bytes in the given chunks, at most one chunk per read, like a slow socket. */
  static final class ChunkedSource implements Source {
    private final Deque<byte[]> chunks;
    private int position;
    int reads;

    ChunkedSource(List<byte[]> chunks) {
      this.chunks = new ArrayDeque<>(chunks);
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      while (!chunks.isEmpty() && position == chunks.peek().length) {
        chunks.pop();
        position = 0;
      }
      if (chunks.isEmpty()) {
        return -1;
      }
      byte[] chunk = chunks.peek();
      int n = (int) Math.min(byteCount, chunk.length - position);
      sink.write(chunk, position, n);
      position += n;
      reads++;
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static BufferedSource whole(byte[] bytes) {
    return new Buffer().write(bytes);
  }

  /** The bytes split at each of {@code cuts} (ascending offsets). */
  private static BufferedSource split(byte[] bytes, int... cuts) {
    List<byte[]> chunks = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      chunks.add(Arrays.copyOfRange(bytes, from, cut));
      from = cut;
    }
    chunks.add(Arrays.copyOfRange(bytes, from, bytes.length));
    return Okio.buffer(new ChunkedSource(chunks));
  }

  private static BufferedSource bytewise(byte[] bytes) {
    List<byte[]> chunks = new ArrayList<>();
    for (byte b : bytes) {
      chunks.add(new byte[] {b});
    }
    return Okio.buffer(new ChunkedSource(chunks));
  }

  private static List<Decoded> readAll(BufferedSource source) throws IOException {
    NdjsonReader<JsonNode> reader = new NdjsonReader<>(source, TREES, Long.MAX_VALUE);
    List<Decoded> values = new ArrayList<>();
    for (NdjsonReader.Value<JsonNode> value = reader.next(); value != null; value = reader.next()) {
      values.add(new Decoded(value.line(), value.value().toString()));
    }
    assertThat(reader.next()).as("the end of the body stays the end").isNull();
    return values;
  }

  private static List<Decoded> readAll(String body) throws IOException {
    return readAll(whole(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static NdjsonReader.MalformedLineException malformed(BufferedSource source) {
    NdjsonReader<JsonNode> reader = new NdjsonReader<>(source, TREES, Long.MAX_VALUE);
    return catchThrowableOfType(
        NdjsonReader.MalformedLineException.class,
        () -> {
          while (reader.next() != null) {
            // read until it fails
          }
        });
  }

  @Test
  void readsEveryKindOfLineFromABuffer() throws IOException {
    assertThat(readAll(BODY)).containsExactlyElementsOf(BODY_LINES);
  }

  @Test
  void givesTheSameValuesWhereverTheBodyIsSplitInTwo() throws IOException {
    byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
    // The body really has multi-byte characters, so some cuts fall inside one.
    assertThat(bytes.length).isGreaterThan(BODY.length());
    for (int cut = 0; cut <= bytes.length; cut++) {
      assertThat(readAll(split(bytes, cut))).as("split at byte %d", cut).isEqualTo(BODY_LINES);
    }
  }

  @Test
  void givesTheSameValuesWhenTheBodyIsSplitInThreeAroundEveryByte() throws IOException {
    byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
    for (int cut = 1; cut < bytes.length; cut++) {
      assertThat(readAll(split(bytes, cut - 1, cut, cut)))
          .as("one-byte chunk at %d", cut - 1)
          .isEqualTo(BODY_LINES);
    }
  }

  @Test
  void givesTheSameValuesWhenEveryByteArrivesAlone() throws IOException {
    byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
    ChunkedSource oneByteAtATime =
        new ChunkedSource(
            IntStream.range(0, bytes.length).mapToObj(i -> new byte[] {bytes[i]}).toList());
    assertThat(readAll(Okio.buffer(oneByteAtATime))).isEqualTo(BODY_LINES);
    assertThat(oneByteAtATime.reads).isEqualTo(bytes.length);
  }

  @Test
  void decodesCharactersSplitAcrossChunksExactly() throws IOException {
    String smile = "{\"r\":\"😀\"}\n{\"r\":\"é\"}\n";
    byte[] bytes = smile.getBytes(StandardCharsets.UTF_8);
    int emoji = smile.indexOf("😀"); // a 4-byte character at this byte offset (all before is ASCII)
    for (int inside = 1; inside < 4; inside++) {
      assertThat(readAll(split(bytes, emoji + inside)))
          .extracting(Decoded::text)
          .containsExactly("{\"r\":\"😀\"}", "{\"r\":\"é\"}");
    }
    assertThat(readAll(bytewise(bytes)))
        .extracting(Decoded::text)
        .containsExactly("{\"r\":\"😀\"}", "{\"r\":\"é\"}");
  }

  @Test
  void treatsCrlfLfAndBlankLinesAsSeparatorsButCountsThem() throws IOException {
    assertThat(readAll("\n\r\n\r\n \t \r\n{}\n\n\n{\"x\":1}\n\n"))
        .containsExactly(new Decoded(5, "{}"), new Decoded(8, "{\"x\":1}"));
    assertThat(readAll("{\"a\":1}\r\n\r\n\r\n{\"b\":2}\n"))
        .containsExactly(new Decoded(1, "{\"a\":1}"), new Decoded(4, "{\"b\":2}"));
  }

  @Test
  void aBodyOfOnlyBlankLinesHasNoValues() throws IOException {
    assertThat(readAll("\n\r\n\r\n   \n\t")).isEmpty();
    assertThat(readAll("\r\n\r\n")).isEmpty();
  }

  @Test
  void aLastLineWithoutNewlineIsAValue() throws IOException {
    assertThat(readAll("{\"a\":1}\n{\"b\":2}"))
        .containsExactly(new Decoded(1, "{\"a\":1}"), new Decoded(2, "{\"b\":2}"));
  }

  @Test
  void aBodyCutInsideAValueIsMalformedWithItsLineAndExcerpt() {
    for (BufferedSource source :
        List.of(
            whole("{\"a\":1}\n{\"b\":{\"c\":".getBytes(StandardCharsets.UTF_8)),
            split("{\"a\":1}\n{\"b\":{\"c\":".getBytes(StandardCharsets.UTF_8), 3, 9))) {
      NdjsonReader.MalformedLineException e = malformed(source);
      assertThat(e.getMessage()).contains("ends in the middle");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.excerpt()).isEqualTo("{\"b\":{\"c\":");
    }
  }

  @Test
  void aLineThatIsNotJsonIsMalformedWithItsLineAndExcerpt() {
    NdjsonReader.MalformedLineException e =
        malformed(
            whole(
                "{\"a\":1}\r\n\r\n<html>oops</html>\r\n{\"b\":2}\n"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(e.getMessage()).contains("not valid JSON");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.excerpt()).isEqualTo("<html>oops</html>");
  }

  @Test
  void aBadLineDeepInALongBodyIsShownAsItself() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      body.append("{\"i\":")
          .append(i)
          .append(",\"pad\":\"")
          .append("p".repeat(100))
          .append("\"}\n");
    }
    body.append("{\"i\":oops}\n{\"i\":1}\n");
    NdjsonReader.MalformedLineException e =
        malformed(whole(body.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(e.line()).isEqualTo(10_001);
    assertThat(e.excerpt()).isEqualTo("{\"i\":oops}");
  }

  @Test
  void theExcerptOfAHugeBadLineIsBounded() {
    String garbage = "x".repeat(100_000);
    NdjsonReader.MalformedLineException e =
        malformed(whole(("{}\n" + garbage + "\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.excerpt().length()).isLessThanOrEqualTo(202);
    assertThat(e.excerpt()).startsWith("xxxx");
  }

  @Test
  void anEmptyBodyHasNoValues() throws IOException {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll(Okio.buffer(new ChunkedSource(List.of())))).isEmpty();
    assertThat(readAll(Okio.buffer(new ChunkedSource(List.of(new byte[0], new byte[0])))))
        .isEmpty();
  }

  @Test
  void readsAThreeMegabyteLineWholeAndInSmallChunks() throws IOException {
    int size = 3 * 1024 * 1024; // under the mapper's 4 M-char limit on one string
    byte[] big = new byte[size];
    for (int i = 0; i < size; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    Buffer body =
        new Buffer().writeUtf8("{}\n{\"big\":\"").write(big).writeUtf8("\"}\r\n{\"after\":1}\n");
    byte[] bytes = body.readByteArray();
    List<byte[]> chunks = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += 1021) {
      chunks.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 1021)));
    }
    for (BufferedSource source : List.of(whole(bytes), Okio.buffer(new ChunkedSource(chunks)))) {
      NdjsonReader<JsonNode> reader = new NdjsonReader<>(source, TREES, Long.MAX_VALUE);
      assertThat(reader.next().value().size()).isZero();
      NdjsonReader.Value<JsonNode> line = reader.next();
      assertThat(line.line()).isEqualTo(2);
      String text = line.value().get("big").asText();
      assertThat(text).hasSize(size);
      assertThat(Arrays.equals(text.getBytes(StandardCharsets.US_ASCII), big)).isTrue();
      NdjsonReader.Value<JsonNode> after = reader.next();
      assertThat(after.value().toString()).isEqualTo("{\"after\":1}");
      assertThat(after.line()).isEqualTo(3);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void returnsEachValueAsSoonAsItIsCompleteWithoutWaitingForTheRest() throws IOException {
    Pipe pipe = new Pipe(1024 * 1024);
    // A reader that waited for more than the first line would fail here instead of hanging.
    pipe.source().timeout().timeout(10, TimeUnit.SECONDS);
    BufferedSink writer = Okio.buffer(pipe.sink());
    NdjsonReader<JsonNode> reader =
        new NdjsonReader<>(Okio.buffer(pipe.source()), TREES, Long.MAX_VALUE);

    writer.writeUtf8("{\"first\":1}\n{\"sec").flush();
    NdjsonReader.Value<JsonNode> first = reader.next(); // the rest has not been written yet
    assertThat(first.value().toString()).isEqualTo("{\"first\":1}");

    writer.writeUtf8("ond\":2}\n").close();
    assertThat(reader.next().value().toString()).isEqualTo("{\"second\":2}");
    assertThat(reader.next()).isNull();
  }

  // ---- bounds and failures underneath the parser ----

  @Test
  void aLineOverTheLimitIsMalformedAndSaysSoWhileShorterLinesAddUpFreely() throws IOException {
    String small = "{\"v\":\"" + "a".repeat(30_000) + "\"}\n";
    String big = "{\"v\":[" + "1,".repeat(60_000) + "1]}\n";
    NdjsonReader<JsonNode> reader =
        new NdjsonReader<>(
            whole((small + small + small + big).getBytes(StandardCharsets.UTF_8)),
            TREES,
            64 * 1024);
    for (int line = 1; line <= 3; line++) {
      assertThat(reader.next().line())
          .as("lines far below the limit, 90 KB together")
          .isEqualTo(line);
    }
    NdjsonReader.MalformedLineException e =
        catchThrowableOfType(NdjsonReader.MalformedLineException.class, reader::next);
    assertThat(e.tooLong()).isTrue();
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).isEqualTo("the line is longer than the 64 KiB limit");
  }

  @Test
  void aSourceFailureInsideAnArrayIsThrownAsItselfNotAsMalformed() {
    byte[] start = "{\"a\":1}\n{\"v\":[1,2,".getBytes(StandardCharsets.UTF_8);
    IOException reset = new IOException("connection reset");
    Source failing =
        new Source() {
          private boolean sent;

          @Override
          public long read(Buffer sink, long byteCount) throws IOException {
            if (sent) {
              throw reset;
            }
            sent = true;
            sink.write(start);
            return start.length;
          }

          @Override
          public Timeout timeout() {
            return Timeout.NONE;
          }

          @Override
          public void close() {}
        };
    NdjsonReader<JsonNode> reader = new NdjsonReader<>(Okio.buffer(failing), TREES, Long.MAX_VALUE);
    assertThatThrownBy(
            () -> {
              while (reader.next() != null) {
                // read until the failure
              }
            })
        .isSameAs(reset);
  }
}
