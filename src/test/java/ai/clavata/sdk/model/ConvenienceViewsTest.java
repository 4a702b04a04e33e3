package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The derived views on reports and jobs, and the terminal-state rules. */
class ConvenienceViewsTest {

  static PolicyEvaluationReport report(String json) throws JsonProcessingException {
    return Json.MAPPER.readValue(json, PolicyEvaluationReport.class);
  }

  static SectionEvaluationReport section(
      String name, Outcome result, ReviewResult review, String message) {
    return new SectionEvaluationReport(name, result, message, List.of(), null, review);
  }

  static PolicyEvaluationReport reportOf(
      Outcome result,
      ReviewResult review,
      List<SectionEvaluationReport> sections,
      Map<String, Double> labelMatches) {
    return new PolicyEvaluationReport(
        "p",
        "key",
        "v",
        result,
        sections,
        null,
        "hash",
        Map.of(),
        review,
        0.5,
        labelMatches,
        null,
        null,
        null);
  }

  // --- PolicyEvaluationReport.outcome() / score()

  @Test
  void outcomePrefersTheReviewResult() throws Exception {
    PolicyEvaluationReport report =
        report(
            "{\"result\": \"OUTCOME_FALSE\", \"reviewResult\": {\"outcome\": \"OUTCOME_TRUE\", \"score\": 0.8}}");
    assertThat(report.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(report.score()).isEqualTo(0.8);
  }

  @Test
  void outcomeFallsBackToTheDeprecatedResultWhenReviewResultIsAbsent() throws Exception {
    assertThat(report("{\"result\": \"OUTCOME_TRUE\"}").outcome()).isEqualTo(Outcome.TRUE);
    assertThat(report("{\"result\": \"OUTCOME_TRUE\", \"reviewResult\": null}").outcome())
        .isEqualTo(Outcome.TRUE);
  }

  @Test
  void outcomeFallsBackWhenTheReviewResultOutcomeIsUnspecified() throws Exception {
    PolicyEvaluationReport report =
        report(
            "{\"result\": \"OUTCOME_FAILED\", \"reviewResult\": {\"outcome\": \"OUTCOME_UNSPECIFIED\", \"score\": -1}}");
    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.score()).isEqualTo(-1.0);
  }

  @Test
  void scoreIsZeroWithoutAReviewResult() throws Exception {
    assertThat(report("{\"result\": \"OUTCOME_TRUE\"}").score()).isZero();
    assertThat(reportOf(Outcome.TRUE, null, List.of(), Map.of()).score()).isZero();
  }

  // --- matchedLabels()

  @Test
  void matchedLabelsUsesLabelMatchesInServerOrder() throws Exception {
    PolicyEvaluationReport report =
        report(
            """
        {"labelMatches": {"Zeta": 0.9, "Alpha": 0.7, "Mid": 0.8, "Beta": 0.6},
         "sectionEvaluationReports": [
           {"name": "OnlyInSections", "reviewResult": {"outcome": "OUTCOME_TRUE", "score": 0.99}}]}
        """);
    assertThat(report.matchedLabels())
        .containsExactly(
            entry("Zeta", 0.9), entry("Alpha", 0.7), entry("Mid", 0.8), entry("Beta", 0.6));
  }

  @Test
  void matchedLabelsFallsBackToTrueSectionsInOrder() throws Exception {
    PolicyEvaluationReport report =
        report(
            """
        {"sectionEvaluationReports": [
           {"name": "Zeta", "result": "OUTCOME_FALSE", "reviewResult": {"outcome": "OUTCOME_TRUE", "score": 0.9}},
           {"name": "NotMatched", "result": "OUTCOME_TRUE", "reviewResult": {"outcome": "OUTCOME_FALSE", "score": 0.2}},
           {"name": "Legacy", "result": "OUTCOME_TRUE"},
           {"name": "Failed", "reviewResult": {"outcome": "OUTCOME_FAILED", "score": -1}},
           {"result": "OUTCOME_TRUE", "reviewResult": {"outcome": "OUTCOME_TRUE", "score": 0.5}},
           {"name": "Alpha", "reviewResult": {"outcome": "OUTCOME_TRUE", "score": 0.7}}],
         "labelMatches": {}}
        """);
    assertThat(report.matchedLabels())
        .containsExactly(entry("Zeta", 0.9), entry("Legacy", 0.0), entry("Alpha", 0.7));
  }

  @Test
  void matchedLabelsIsReadOnly() {
    PolicyEvaluationReport fromSections =
        reportOf(Outcome.TRUE, null, List.of(section("A", Outcome.TRUE, null, "Flag")), Map.of());
    PolicyEvaluationReport fromMatches = reportOf(Outcome.TRUE, null, List.of(), Map.of("A", 0.5));
    assertThatThrownBy(() -> fromSections.matchedLabels().put("B", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fromMatches.matchedLabels().put("B", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- actions()

  @Test
  void actionsAreTheDistinctMessagesOfMatchedSectionsInOrder() {
    PolicyEvaluationReport report =
        reportOf(
            Outcome.TRUE,
            null,
            List.of(
                section("A", Outcome.TRUE, null, "Flag, Escalate"),
                section("B", Outcome.FALSE, null, "Hide"),
                section("C", Outcome.UNSPECIFIED, new ReviewResult(Outcome.TRUE, 0.9), "Block"),
                section("D", Outcome.TRUE, null, "Flag, Escalate"),
                section("E", Outcome.TRUE, null, "   "),
                section("F", Outcome.TRUE, null, null),
                section("G", Outcome.TRUE, new ReviewResult(Outcome.FALSE, 0.1), "NotMe")),
            Map.of());
    assertThat(report.actions()).containsExactly("Flag, Escalate", "Block");
    assertThatThrownBy(() -> report.actions().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- nothing throws on a bare report

  @Test
  void viewsDoNotThrowOnAnEmptyReport() throws Exception {
    PolicyEvaluationReport report = report("{}");
    assertThat(report.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.score()).isZero();
    assertThat(report.matchedLabels()).isNotNull().isEmpty();
    assertThat(report.actions()).isNotNull().isEmpty();
    assertThat(report.sections()).isNotNull().isEmpty();
    assertThat(report.contentMetadata()).isNotNull().isEmpty();
    assertThat(report.labelMatches()).isNotNull().isEmpty();
    assertThat(report.exceptionEvaluationReport()).isNull();
    assertThat(report.tokenUsage()).isNull();
  }

  @Test
  void viewsDoNotThrowOnEmptyNestedMessages() throws Exception {
    PolicyEvaluationReport report =
        report(
            """
        {"sectionEvaluationReports": [{}, {"reviewResult": {}}, {"exceptionEvaluationReport": {}}],
         "exceptionEvaluationReport": {}, "reviewResult": {}}
        """);
    assertThat(report.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.score()).isZero();
    assertThat(report.matchedLabels()).isEmpty();
    assertThat(report.actions()).isEmpty();
    assertThat(report.exceptionEvaluationReport().outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.sections())
        .allSatisfy(
            section -> {
              assertThat(section.outcome()).isEqualTo(Outcome.UNSPECIFIED);
              assertThat(section.score()).isZero();
            });
  }

  @Test
  void constructorNormalizesNullsAndCopiesCollections() {
    List<SectionEvaluationReport> sections = new ArrayList<>();
    sections.add(section("A", Outcome.TRUE, null, "Flag"));
    PolicyEvaluationReport report =
        new PolicyEvaluationReport(
            null, null, null, null, sections, null, null, null, null, 0, null, null, null, null);
    sections.add(section("B", Outcome.TRUE, null, "Hide"));

    assertThat(report.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.sections()).extracting(SectionEvaluationReport::name).containsExactly("A");
    assertThat(report.contentMetadata()).isEmpty();
    assertThat(report.labelMatches()).isEmpty();
    assertThat(report.matchedLabels()).containsExactly(entry("A", 0.0));
  }

  // --- Section / exception fallbacks

  @Test
  void sectionOutcomePrefersReviewResultAndFallsBack() {
    assertThat(section("A", Outcome.TRUE, new ReviewResult(Outcome.FALSE, 0.1), null).outcome())
        .isEqualTo(Outcome.FALSE);
    assertThat(section("A", Outcome.TRUE, null, null).outcome()).isEqualTo(Outcome.TRUE);
    assertThat(
            section("A", Outcome.FALSE, new ReviewResult(Outcome.UNSPECIFIED, 0.3), null).outcome())
        .isEqualTo(Outcome.FALSE);
    assertThat(section("A", null, null, null).outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(section("A", Outcome.TRUE, new ReviewResult(Outcome.TRUE, 0.42), null).score())
        .isEqualTo(0.42);
    assertThat(section("A", Outcome.TRUE, null, null).score()).isZero();
  }

  @Test
  void exceptionOutcomePrefersReviewResultAndFallsBack() {
    assertThat(
            new ExceptionEvaluationReport(Outcome.FALSE, null, new ReviewResult(Outcome.TRUE, 0.6))
                .outcome())
        .isEqualTo(Outcome.TRUE);
    assertThat(new ExceptionEvaluationReport(Outcome.TRUE, null, null).outcome())
        .isEqualTo(Outcome.TRUE);
    assertThat(
            new ExceptionEvaluationReport(Outcome.TRUE, null, new ReviewResult(null, 0)).outcome())
        .isEqualTo(Outcome.TRUE);
    ExceptionEvaluationReport empty = new ExceptionEvaluationReport(null, null, null);
    assertThat(empty.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(empty.assertions()).isNotNull().isEmpty();
  }

  // --- Job

  @Test
  void reportsSkipsResultsWithoutAReportAndKeepsOrder() {
    PolicyEvaluationReport first = reportOf(Outcome.TRUE, null, List.of(), Map.of());
    PolicyEvaluationReport second = reportOf(Outcome.FALSE, null, List.of(), Map.of());
    Job job =
        job(
            JobStatus.COMPLETED,
            Arrays.asList(
                new JobResult("1", "j", "h1", first, null),
                new JobResult("2", "j", "h2", null, null),
                new JobResult("3", "j", "h3", second, null)));
    assertThat(job.reports()).containsExactly(first, second);
  }

  @Test
  void jobNormalizesNulls() {
    Job job =
        new Job(null, null, null, null, null, null, null, null, null, null, 0, null, null, null);
    assertThat(job.status()).isEqualTo(JobStatus.UNSPECIFIED);
    assertThat(job.jobType()).isEqualTo(JobType.UNSPECIFIED);
    assertThat(job.contentData()).isEmpty();
    assertThat(job.results()).isEmpty();
    assertThat(job.reports()).isEmpty();
    assertThat(job.isTerminal()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(JobStatus.class)
  void jobIsTerminalFollowsItsStatus(JobStatus status) {
    boolean terminal =
        EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELED).contains(status);
    assertThat(status.isTerminal()).isEqualTo(terminal);
    assertThat(job(status, List.of()).isTerminal()).isEqualTo(terminal);
  }

  @ParameterizedTest
  @EnumSource(BatchJobState.class)
  void batchJobStateIsTerminal(BatchJobState state) {
    boolean terminal =
        EnumSet.of(BatchJobState.COMPLETED, BatchJobState.ERROR, BatchJobState.CANCELLED)
            .contains(state);
    assertThat(state.isTerminal()).isEqualTo(terminal);
  }

  private static Job job(JobStatus status, List<JobResult> results) {
    return new Job(
        "j", "c", status, List.of(), results, null, null, null, "p", "v", 0.5, null, null, null);
  }
}
