package ai.clavata.sdk.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefIdCheckTest {

  /** Adds "id-0" … "id-(n-1)": in order (shorter first), so all of them take the logged path. */
  private static RefIdCheck inOrder(int n) {
    RefIdCheck check = new RefIdCheck(null);
    for (int i = 0; i < n; i++) {
      check.add("id-" + i, 0);
    }
    return check;
  }

  @Test
  void idsInOrderAcrossManyLogChunksAreAccepted() {
    RefIdCheck check = inOrder(50_000);

    assertThatCode(check::finish).doesNotThrowAnyException();
  }

  @Test
  void aRepeatOfAnIdFromTheFirstLogChunkIsFoundOnceIdsComeOutOfOrder() {
    RefIdCheck check = inOrder(20_000);

    check.add("id-5", 0); // out of order: the log of 20,000 hashes is loaded into the set

    assertThatThrownBy(check::finish)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 20001 repeats the ref_id 'id-5'; every row needs its own ref_id");
  }

  @Test
  void aRepeatOfTheLastLoggedIdIsFound() {
    RefIdCheck check = inOrder(20_000);

    check.add("id-19999", 0); // equal to the previous id: not "in order", and a repeat

    assertThatThrownBy(check::finish).hasMessageStartingWith("row 20001 repeats the ref_id");
  }

  @Test
  void distinctIdsOutOfOrderAreAccepted() {
    RefIdCheck check = new RefIdCheck(null);
    for (int i = 0; i < 100_000; i++) {
      check.add("ref-" + (int) ((i * 7_919L) % 100_000), 0); // a permutation of 0..99,999
    }

    assertThatCode(check::finish).doesNotThrowAnyException();
  }

  @Test
  void aRepeatIsFoundWhenItsBatchFillsAndNamesItsRow() {
    RefIdCheck check = new RefIdCheck(null);
    check.add("b", 0);
    check.add("a", 0); // out of order from here on
    check.add("b", 0); // row 3 repeats row 1
    for (int i = 0; i < 252; i++) {
      check.add("x" + i, 0);
    }
    check.add("y", 0); // the 255th queued id: nothing is looked up yet

    assertThatThrownBy(() -> check.add("last-of-batch", 0)) // the 256th queued id
        .hasMessage("row 3 repeats the ref_id 'b'; every row needs its own ref_id");
  }

  @Test
  void aRepeatInALaterBatchNamesItsRow() {
    RefIdCheck check = new RefIdCheck(null);
    check.add("z", 0);
    check.add("a", 0); // out of order from here on
    for (int i = 0; i < 600; i++) {
      check.add("q" + i, 0);
    }
    check.add("q7", 0);

    assertThatThrownBy(check::finish).hasMessageStartingWith("row 603 repeats the ref_id 'q7'");
  }

  @Test
  void theFirstOfSeveralRepeatsInOneBatchIsTheOneReported() {
    RefIdCheck check = new RefIdCheck(null);
    for (String id : new String[] {"c", "b", "a", "b", "a"}) {
      check.add(id, 0);
    }

    assertThatThrownBy(check::finish).hasMessageStartingWith("row 4 repeats the ref_id 'b'");
  }

  @Test
  void shorterIdsComeFirstSoNumericSuffixesStayInOrder() {
    RefIdCheck check = new RefIdCheck(null);
    for (String id : new String[] {"post-9", "post-10", "post-99", "post-100"}) {
      check.add(id, 0);
    }
    check.add("post-10", 0);

    assertThatThrownBy(check::finish).hasMessageStartingWith("row 5 repeats the ref_id 'post-10'");
  }

  @Test
  void fileRowsAreNamedWithTheirLine() {
    RefIdCheck check = new RefIdCheck("in.csv");
    check.add("a", 2);
    check.add("a", 5);

    assertThatThrownBy(check::finish)
        .hasMessageStartingWith("row 2 (line 5) of in.csv repeats the ref_id 'a'");
  }

  @Test
  void firstProblemPrefersAnEarlierQueuedRepeatAndKeepsTheLaterProblem() {
    RefIdCheck check = new RefIdCheck(null);
    check.add("b", 0);
    check.add("a", 0);
    check.add("b", 0);
    IllegalStateException later = new IllegalStateException("row 4 is broken");

    RuntimeException first = check.firstProblem(later);

    assertThat(first)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("row 3 repeats the ref_id 'b'");
    assertThat(first.getSuppressed()).containsExactly(later);
  }

  @Test
  void firstProblemIsTheLaterProblemWhenNothingRepeats() {
    RefIdCheck check = new RefIdCheck(null);
    check.add("b", 0);
    check.add("a", 0);
    IllegalStateException later = new IllegalStateException("row 3 is broken");

    assertThat(check.firstProblem(later)).isSameAs(later);
  }
}
