package ai.clavata.sdk.internal.batch;

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
    String[] ids = {
      "a",
      "A",
      "a ",
      " a",
      "ab",
      "ba",
      "\u0100",
      "\u0001",
      "\u0101",
      "é",
      "e\u0301",
      "👍",
      "👎",
      "0",
      "00",
      "",
      "\u0000",
      "\u0000\u0000"
    };
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

  @Test
  void addAllReportsTheFirstHashAlreadyThereOrRepeatedInTheBatch() {
    RefIdSet set = new RefIdSet();
    set.add("kept");
    long[] hashes = {
      RefIdSet.hash("a"), RefIdSet.hash("b"), RefIdSet.hash("b"), RefIdSet.hash("kept")
    };

    assertThat(set.addAll(hashes, 4)).isEqualTo(2);
    assertThat(set.add("a")).isFalse(); // added before the repeat
    assertThat(set.addAll(new long[] {RefIdSet.hash("c"), RefIdSet.hash("kept")}, 1)).isEqualTo(-1);
    assertThat(set.add("c")).isFalse();
  }

  @Test
  void addDistinctKeepsEveryHashOnceAndLaterAddsSeeThem() {
    RefIdSet set = new RefIdSet();
    long[] hashes = new long[10_000];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = RefIdSet.hash("id-" + i);
    }
    hashes[9_999] = hashes[0]; // a collision between "distinct" ids is kept once

    set.addDistinct(hashes, hashes.length);

    assertThat(set.add("id-0")).isFalse();
    assertThat(set.add("id-9998")).isFalse();
    assertThat(set.add("id-9999")).isTrue();
  }
}
