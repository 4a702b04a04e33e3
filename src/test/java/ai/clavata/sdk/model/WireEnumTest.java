package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.internal.Json;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model enum maps to and from its wire names. */
class WireEnumTest {

  /** One model enum: its constants, its wire prefix and its two conversions. */
  record WireType<E extends Enum<E>>(
      Class<E> type, String prefix, Function<String, E> fromWire, Function<E, String> wireName) {
    @Override
    public String toString() {
      return type.getSimpleName();
    }
  }

  static Stream<WireType<?>> wireTypes() {
    return Stream.of(
        new WireType<>(JobStatus.class, "JOB_STATUS_", JobStatus::fromWire, JobStatus::wireName),
        new WireType<>(Outcome.class, "OUTCOME_", Outcome::fromWire, Outcome::wireName),
        new WireType<>(JobType.class, "JOB_TYPE_", JobType::fromWire, JobType::wireName),
        new WireType<>(
            BatchJobState.class,
            "BATCH_JOB_STATE_",
            BatchJobState::fromWire,
            BatchJobState::wireName),
        new WireType<>(
            PrecheckFailureType.class,
            "PRECHECK_FAILURE_TYPE_",
            PrecheckFailureType::fromWire,
            PrecheckFailureType::wireName),
        new WireType<>(
            PrecheckMatchConfidence.class,
            "PRECHECK_MATCH_CONFIDENCE_",
            PrecheckMatchConfidence::fromWire,
            PrecheckMatchConfidence::wireName));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireTypes")
  <E extends Enum<E>> void everyConstantRoundTrips(WireType<E> wire) throws Exception {
    E[] constants = wire.type().getEnumConstants();
    assertThat(constants[0].name()).isEqualTo("UNSPECIFIED");
    assertThat(constants[constants.length - 1].name()).isEqualTo("UNRECOGNIZED");
    for (E constant : constants) {
      if (constant.name().equals("UNRECOGNIZED")) {
        continue;
      }
      String name = wire.wireName().apply(constant);
      assertThat(name).as("wire name of %s", constant).isEqualTo(wire.prefix() + constant.name());
      assertThat(wire.fromWire().apply(name)).as("fromWire(%s)", name).isSameAs(constant);
      assertThat(wire.fromWire().apply(constant.name()))
          .as("short name %s", constant)
          .isSameAs(constant);
      // Jackson writes and reads the wire name.
      assertThat(Json.MAPPER.writeValueAsString(constant)).isEqualTo("\"" + name + "\"");
      assertThat(Json.MAPPER.readValue("\"" + name + "\"", wire.type())).isSameAs(constant);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireTypes")
  <E extends Enum<E>> void unknownEmptyAndNullValues(WireType<E> wire) throws Exception {
    E unspecified = Enum.valueOf(wire.type(), "UNSPECIFIED");
    E unrecognized = Enum.valueOf(wire.type(), "UNRECOGNIZED");
    assertThat(wire.fromWire().apply(null)).isSameAs(unspecified);
    assertThat(wire.fromWire().apply("")).isSameAs(unspecified);
    assertThat(wire.fromWire().apply(wire.prefix() + "FROM_THE_FUTURE")).isSameAs(unrecognized);
    assertThat(wire.fromWire().apply("UNRECOGNIZED")).isSameAs(unrecognized);
    assertThat(wire.fromWire().apply("999")).isSameAs(unrecognized);
    assertThat(wire.wireName().apply(unrecognized)).isEqualTo("UNRECOGNIZED");
    assertThat(Json.MAPPER.readValue("\"" + wire.prefix() + "FROM_THE_FUTURE\"", wire.type()))
        .isSameAs(unrecognized);
  }

  static Stream<Arguments> documentedWireNames() {
    return Stream.of(
        Arguments.of(JobStatus.CANCELED, "JOB_STATUS_CANCELED", JobStatus.CANCELED.wireName()),
        Arguments.of(JobStatus.COMPLETED, "JOB_STATUS_COMPLETED", JobStatus.COMPLETED.wireName()),
        Arguments.of(
            BatchJobState.CANCELLED,
            "BATCH_JOB_STATE_CANCELLED",
            BatchJobState.CANCELLED.wireName()),
        Arguments.of(
            BatchJobState.POSTPROCESSED,
            "BATCH_JOB_STATE_POSTPROCESSED",
            BatchJobState.POSTPROCESSED.wireName()),
        Arguments.of(Outcome.TRUE, "OUTCOME_TRUE", Outcome.TRUE.wireName()),
        Arguments.of(JobType.STANDARD, "JOB_TYPE_STANDARD", JobType.STANDARD.wireName()),
        Arguments.of(
            PrecheckFailureType.NCMEC,
            "PRECHECK_FAILURE_TYPE_NCMEC",
            PrecheckFailureType.NCMEC.wireName()),
        Arguments.of(
            PrecheckFailureType.UNSUPPORTED_IMAGE_FORMAT,
            "PRECHECK_FAILURE_TYPE_UNSUPPORTED_IMAGE_FORMAT",
            PrecheckFailureType.UNSUPPORTED_IMAGE_FORMAT.wireName()),
        Arguments.of(
            PrecheckMatchConfidence.EXACT,
            "PRECHECK_MATCH_CONFIDENCE_EXACT",
            PrecheckMatchConfidence.EXACT.wireName()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("documentedWireNames")
  void documentedSpellings(Enum<?> constant, String expected, String actual) {
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void documentedNumbers() {
    assertThat(Outcome.fromWire("1")).isEqualTo(Outcome.FALSE);
    assertThat(Outcome.fromWire("2")).isEqualTo(Outcome.TRUE);
    assertThat(Outcome.fromWire("3")).isEqualTo(Outcome.FAILED);
    assertThat(JobStatus.fromWire("1")).isEqualTo(JobStatus.PENDING);
    assertThat(JobStatus.fromWire("5")).isEqualTo(JobStatus.CANCELED);
    assertThat(PrecheckFailureType.fromWire("1")).isEqualTo(PrecheckFailureType.NCMEC);
    assertThat(PrecheckFailureType.fromWire("2"))
        .isEqualTo(PrecheckFailureType.UNSUPPORTED_IMAGE_FORMAT);
    assertThat(PrecheckFailureType.fromWire("3")).isEqualTo(PrecheckFailureType.INVALID_IMAGE);
    assertThat(BatchJobState.fromWire("10")).isEqualTo(BatchJobState.CANCELLED);
    assertThat(BatchJobState.fromWire("11")).isEqualTo(BatchJobState.UNRECOGNIZED);
  }
}
