package ai.clavata.sdk.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefIdSetTest {

  @Test
  void twoHundredThousandDistinctIdsAreAllAddedAndEachReAddIsRefused() {
    RefIdSet set = new RefIdSet();
    int n = 200_000;
    int added = 0;
    for (int i = 0; i < n; i++) {
      if (set.add("ref-" + i)) {
        added++;
      }
    }
    assertThat(added).isEqualTo(n);
    int refused = 0;
    for (int i = 0; i < n; i++) {
      if (!set.add("ref-" + i)) {
        refused++;
      }
    }
    assertThat(refused).isEqualTo(n);
  }

  @Test
  void similarIdsAreDistinct() {
    RefIdSet set = new RefIdSet();
    // Ids that differ only in one byte of a UTF-16 unit, in order, in case, or by whitespace.
    String[] ids = {"a", "A", "a ", " a", "ab", "ba", "\u0100", "\u0001", "\u0101", "é", "e\u0301",
        "👍", "👎", "0", "00", "", "\u0000", "\u0000\u0000"};
    for (String id : ids) {
      assertThat(set.add(id)).as("first add of %s", id).isTrue();
    }
    for (String id : ids) {
      assertThat(set.add(id)).as("second add of %s", id).isFalse();
    }
  }

  @Test
  void sequentialNumericIdsAcrossManyGrowthsStayDistinct() {
    RefIdSet set = new RefIdSet();
    for (long i = 0; i < 100_000; i++) {
      assertThat(set.add(Long.toString(i))).isTrue();
    }
    assertThat(set.add("99999")).isFalse();
    assertThat(set.add("100000")).isTrue();
  }
}
