package ai.clavata.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example job, on the bundled sample, against the demo policy. */
class ModeratePostsTest extends MiniClusterTestBase {

  @Test
  void moderatesTheBundledSampleAndSummarizes() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Summary summary;
    try (DemoEnvironment demo = DemoEnvironment.fake();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      summary =
          ModeratePosts.run(
              environment(), demo.config(), demo.policyId(), ModeratePosts.bundledSample(), out);
    }

    assertThat(summary.total()).isEqualTo(20);
    assertThat(summary.flagged()).isEqualTo(9);
    assertThat(summary.clean()).isEqualTo(11);
    assertThat(summary.failed()).isZero();
    assertThat(summary.labels()).isEqualTo(Map.of("Threats", 3L, "Harassment", 3L, "Spam", 3L));
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output.lines()).hasSize(21);
    assertThat(output)
        .contains("TRUE 0.9 {Threats=0.9} | I will find you and hurt you.")
        .endsWith(summary + System.lineSeparator());
  }
}
