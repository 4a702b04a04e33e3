package ai.clavata.sdk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.EvaluationResult;
import java.util.List;

/** A MockWebServer test of the stream client, with helpers to collect results and their errors. */
abstract class StreamTestBase extends MockServerTest {
  List<EvaluationResult> collect(EvaluateRequest request) {
    try (EvaluationStream stream = client.stream().evaluate(request)) {
      return stream.toList();
    }
  }

  /** What ends {@code stream}'s collection: an interruption whose cause is a decode error. */
  static ClavataDecodeException decodeErrorOf(EvaluationStream stream) {
    StreamInterruptedException e =
        catchThrowableOfType(StreamInterruptedException.class, stream::toList);
    assertThat(e).as("the stream is interrupted").isNotNull();
    assertThat(e.getCause()).isInstanceOf(ClavataDecodeException.class);
    return (ClavataDecodeException) e.getCause();
  }

  static List<Integer> indexes(List<EvaluationResult> results) {
    return results.stream().map(EvaluationResult::inputIndex).toList();
  }
}
