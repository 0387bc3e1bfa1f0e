package io.wordfreq.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManifestLineTest {

  @Test
  void currentFormatWithAndWithoutVersionId() {
    assertEquals(ManifestLine.of("s3://b/a.txt", 60, "0cc175b9c0f1b6a831c399e269772661", null),
        ManifestLine.parse("s3://b/a.txt\t60\t0cc175b9c0f1b6a831c399e269772661"));
    ManifestLine versioned = ManifestLine.parse("s3://b/a.txt\t6060\t9b2cf535f27731c974343645a3985328-2\t3HL4kq+tJ/lc.pX_r");
    assertEquals(ManifestLine.of("s3://b/a.txt", 6060, "9b2cf535f27731c974343645a3985328-2", "3HL4kq+tJ/lc.pX_r"), versioned);
    assertTrue(versioned.pinsVersion());
  }

  @Test
  void oldFormatsStayReadable() {
    assertEquals(ManifestLine.of("s3://b/plain.txt", -1, null, null), ManifestLine.parse("s3://b/plain.txt"));
    ManifestLine sized = ManifestLine.parse("s3://b/sized.txt\t5120");
    assertEquals(ManifestLine.of("s3://b/sized.txt", 5120, null, null), sized);
    assertFalse(sized.pinsVersion(), "a size alone does not say which version: the job asks the store");
    assertEquals(ManifestLine.of("/local/x.txt", 0, null, null), ManifestLine.parse("  /local/x.txt\t0\r"));
    assertEquals(ManifestLine.of("s3://b/k.txt", 12, null, null), ManifestLine.parse("  s3://b/k.txt\t12 "));
  }

  @Test
  void commentsAndBlankLinesAreSkipped() {
    assertNull(ManifestLine.parse("# batch 1"));
    assertNull(ManifestLine.parse(""));
    assertNull(ManifestLine.parse(" \t "));
  }

  @Test
  void aKeyMayHoldTabsAndQuotedETagsAreUnquoted() {
    assertEquals(ManifestLine.of("s3://b/a\tb.txt", 7, null, null), ManifestLine.parse("s3://b/a\tb.txt\t7"));
    assertEquals(ManifestLine.of("s3://b/a\tb.txt", 7, "abc", null), ManifestLine.parse("s3://b/a\tb.txt\t7\t\"abc\""));
    assertEquals(ManifestLine.of("s3://b/k.txt", 7, "123", null), ManifestLine.parse("s3://b/k.txt\t7\t123"),
        "the size comes first: an ETag that is a number is still the ETag");
  }

  @Test
  void badLinesSayWhatIsWrongAndNameTheObject() {
    ManifestLine noSize = ManifestLine.parse("s3://b/k.txt\tlarge");
    assertEquals("s3://b/k.txt", noSize.uri());
    assertNotNull(noSize.error());
    assertTrue(noSize.error().contains("'large'") && noSize.error().contains("expected uri[<TAB>size[<TAB>etag[<TAB>version id]]]"), noSize.error());
    ManifestLine emptyETag = ManifestLine.parse("s3://b/k.txt\t12\t\tv1");
    assertTrue(emptyETag.error().contains("ETag after the size 12 is empty"), emptyETag.error());
    assertNotNull(ManifestLine.parse("s3://b/k.txt\t-1").error(), "no negative sizes");
    ManifestLine tooMany = ManifestLine.parse("s3://b/k.txt\t12\tabc\tv1\textra");
    assertTrue(tooMany.error().contains("found '12<TAB>abc<TAB>v1<TAB>extra'"), tooMany.error());
    ManifestLine tooLong = ManifestLine.parse("s3://b/k.txt\t99999999999999999999\tabc");
    assertNotNull(tooLong.error(), "a size beyond 18 digits is not a size");
    assertFalse(tooLong.pinsVersion());
  }

  @Test
  void writesWhatItReads() {
    for (ManifestLine line : new ManifestLine[] {
        ManifestLine.of("s3://b/my file.txt", 60, "abc", null),
        ManifestLine.of("s3://b/x.txt", 60, "\"abc\"", "v1"),
        ManifestLine.of("s3://b/y.txt", 3, null, null),
        ManifestLine.of("s3://b/z.txt", -1, null, null)}) {
      assertEquals(line, ManifestLine.parse(line.text()), line.text());
    }
    assertEquals("s3://b/x.txt\t60\tabc\tv1", ManifestLine.of("s3://b/x.txt", 60, "\"abc\"", "v1").text());
    assertEquals("s3://b/x.txt", ManifestLine.of("s3://b/x.txt", -1, "abc", "v1").text(), "no ETag without its size");
    assertThrows(IllegalStateException.class, () -> ManifestLine.parse("s3://b/k\tx").text());
  }
}
