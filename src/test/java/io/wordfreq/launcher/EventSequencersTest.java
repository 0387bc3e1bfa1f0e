package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventSequencersTest {

  @Test
  void greaterHexIsNewer() {
    assertTrue(EventSequencers.compare("0055AED6DCD90281E5", "0055AED6DCD90281E7") < 0);
    assertTrue(EventSequencers.compare("0055AED6DCD90281F0", "0055AED6DCD90281E7") > 0);
    assertEquals(0, EventSequencers.compare("0055AED6DCD90281E5", "0055AED6DCD90281E5"));
  }

  @Test
  void hexDigitsCompareAsDigitsWhateverTheirCase() {
    assertTrue(EventSequencers.compare("09", "0A") < 0, "9 before A, as numbers");
    assertTrue(EventSequencers.compare("0a", "0B") < 0);
    assertEquals(0, EventSequencers.compare("00ff", "00FF"));
  }

  @Test
  void theShorterIsRightPaddedWithZerosAsS3Documents() {
    assertEquals(0, EventSequencers.compare("0055AED6DCD9", "0055AED6DCD900"));
    assertTrue(EventSequencers.compare("0055AED6DCD9", "0055AED6DCD901") < 0);
    assertTrue(EventSequencers.compare("0055AED6DCDA", "0055AED6DCD9FF") > 0);
  }

  @Test
  void onlyHexStringsAreSequencers() {
    assertFalse(EventSequencers.isSequencer(null));
    assertFalse(EventSequencers.isSequencer(""));
    assertFalse(EventSequencers.isSequencer("12G"));
    assertFalse(EventSequencers.isSequencer("١٢"), "non-ASCII digits are not hex digits");
    assertThrows(IllegalArgumentException.class, () -> EventSequencers.compare("xyz", "00"));
  }
}
