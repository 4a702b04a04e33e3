package ai.clavata.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.model.ContentData;
import java.time.Duration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The config and the function travel to task managers by Java serialization, key hidden. */
class ClavataConfigTest {
  private static final String KEY = "secret-key-1234";

  @Test
  void toStringNeverShowsTheKey() throws Exception {
    ClavataConfig config =
        ClavataConfig.apiKey(KEY)
            .withBaseUrl("https://example.test")
            .withMaxRetries(4)
            .withTimeout(Duration.ofSeconds(30));

    ClavataConfig copy = InstantiationUtil.clone(config);

    assertThat(copy.toString())
        .isEqualTo(config.toString())
        .isEqualTo(
            "ClavataConfig[apiKey=<redacted>, baseUrl=https://example.test, maxRetries=4,"
                + " timeout=PT30S]")
        .doesNotContain(KEY);
  }

  @Test
  void aKeyFromTheEnvironmentIsReadOnTheTaskAndNamedOnlyByItsVariable() {
    ClavataConfig config = ClavataConfig.apiKeyFromEnv("CLAVATA_TEST_SURELY_UNSET_VARIABLE");

    assertThat(config.toString()).contains("apiKey=$CLAVATA_TEST_SURELY_UNSET_VARIABLE");
    assertThatThrownBy(config::newClient)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CLAVATA_TEST_SURELY_UNSET_VARIABLE is not set on this task manager");
  }

  @Test
  void theFunctionIsSerializableWithItsLambdas() throws Exception {
    ClavataAsyncFunction<String, Verdict<String>> function =
        ClavataAsyncFunction.<String>verdicts(
                ClavataConfig.apiKey(KEY), "policy", post -> ContentData.text(post.strip()))
            .batch(5, Duration.ofMillis(10))
            .build();

    ClavataAsyncFunction<String, Verdict<String>> copy =
        InstantiationUtil.clone(function, getClass().getClassLoader());

    assertThat(copy.getProducedType()).isEqualTo(function.getProducedType());
  }

  @Test
  void blankKeysAndPoliciesAreRejectedWhenTheJobIsBuilt() {
    assertThatThrownBy(() -> ClavataConfig.apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ClavataAsyncFunction.<String>verdicts(ClavataConfig.apiKey(KEY), "", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policyId");
  }
}
