package io.wordfreq.job.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFileTest {

  @Test
  void givesBackTheValuesItWasMadeWith() {
    for (String eTag : new String[] {"0cc175b9c0f1b6a831c399e269772661", "00000000000000000000000000000000",
        "ffffffffffffffff0000000000000001", "9b2cf535f27731c974343645a3985328-12", "0CC175B9C0F1B6A831C399E269772661",
        "W/abc", null}) {
      InputFile f = new InputFile("s3a://b/k/a.txt", 5, eTag, "v1");
      assertEquals("s3a://b/k/a.txt", f.uri());
      assertEquals(5, f.length());
      assertEquals(eTag, f.eTag());
      assertEquals("v1", f.versionId());
    }
    assertEquals("noslash", new InputFile("noslash", 1).uri());
    assertNull(new InputFile("s3a://b/", 0).eTag());
  }

  @Test
  void filesOfOneFolderShareItsPart() throws Exception {
    Map<String, String> folders = new HashMap<>();
    InputFile a = InputFile.of(new String("s3a://b/k/a.txt"), 1, null, null, folders);
    InputFile b = InputFile.of(new String("s3a://b/k/b.txt"), 1, null, null, folders);
    assertEquals(1, folders.size());
    assertSame(folderOf(a), folderOf(b));
  }

  @Test
  void sortsInUriOrderAndEqualsByValue() {
    List<String> uris = List.of("s3a://b/k/a.txt", "s3a://b/k/b.txt", "s3a://b/k-x/a.txt", "s3a://b/k/a/z.txt",
        "s3a://b/ka.txt", "s3a://b/k", "s3a://b/k/", "s3a://c/a.txt", "file:/tmp/z");
    Map<String, String> folders = new HashMap<>();
    List<InputFile> files = new ArrayList<>();
    for (String u : uris) {
      files.add(InputFile.of(u, 1, null, null, folders));
    }
    files.sort(null);
    List<String> sorted = new ArrayList<>(uris);
    sorted.sort(null);
    assertEquals(sorted, files.stream().map(InputFile::uri).toList());
    InputFile x = new InputFile("s3a://b/k/a.txt", 3, "0cc175b9c0f1b6a831c399e269772661", null);
    InputFile y = InputFile.of("s3a://b/k/a.txt", 3, "0cc175b9c0f1b6a831c399e269772661", null, folders);
    assertEquals(x, y);
    assertEquals(x.hashCode(), y.hashCode());
    assertNotEquals(x, new InputFile("s3a://b/k/a.txt", 3, "0cc175b9c0f1b6a831c399e269772662", null));
    assertNotEquals(x, new InputFile("s3a://b/k/a.txt", 4, "0cc175b9c0f1b6a831c399e269772661", null));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    InputFile f = new InputFile("s3a://b/k/a.txt", 7, "0cc175b9c0f1b6a831c399e269772661", "v");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      InputFile back = (InputFile) in.readObject();
      assertEquals(f, back);
      assertEquals(f.eTag(), back.eTag());
    }
  }

  private static Object folderOf(InputFile f) throws Exception {
    java.lang.reflect.Field field = InputFile.class.getDeclaredField("folder");
    field.setAccessible(true);
    return field.get(f);
  }
}
