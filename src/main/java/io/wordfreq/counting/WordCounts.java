package io.wordfreq.counting;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word → count table keyed by UTF-8 bytes, with no object per word. Open addressing with linear probing
 * (at most three quarters full) over one {@code long[]} of four-long entries, 32 bytes, two to a cache
 * line: the word's first 16 bytes as two little-endian longs (zero past its end), a meta long (the length in
 * the low 32 bits; for a word longer than 16 bytes, where its whole bytes start in a shared byte pool, in the
 * high 32), and the count. A word of up to 16 bytes — nearly every word of real text — is found and counted
 * by reading one cache line, with no byte loop; a longer word also compares its bytes past 16 in the pool.
 * The slot is the high bits of a multiplicative hash of the two longs and the length.
 *
 * <p>The tokenizer hands words over in batches ({@link #addInlineBatch}), already split into longs: the
 * table first reads every word's slot, so that the cache misses of a batch overlap, then counts them.
 *
 * <p>Not thread-safe: one table per task, merged with {@link #mergeFrom}.
 */
public final class WordCounts {
  /** Most words per {@link #addInlineBatch} call. */
  static final int BATCH = 64;
  /** Words longer than this keep their bytes in the pool. */
  static final int INLINE_BYTES = 16;
  private static final int INITIAL_SLOTS = 1 << 10;
  /** Most slots: the table's array stays a valid Java array (2^30 longs). */
  private static final int MAX_SLOTS = 1 << 28;
  private static final int STRIDE = 4;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long K1 = 0x9E3779B97F4A7C15L;
  private static final long K2 = 0xC2B2AE3D27D4EB4FL;

  private long[] table;
  /** Right shift that turns a 64-bit hash into a slot: 64 - log2(slots). */
  private int shift;
  private int slotMask;
  private int growAt;
  private byte[] pool = new byte[0];
  private int poolUsed;
  private int size;
  private long total;
  /** Each batched word's slot, found in the batch's first pass. */
  private final int[] batchSlots = new int[BATCH];
  /**
   * Sum of the values read by each batch's first pass: kept so that the JIT cannot drop those reads, whose
   * only purpose is to bring the slots into the cache.
   */
  private long touched;
  /**
   * Filled slots passed over by one-word adds (merging, reading, rare words) before their own: lets a test
   * see that merging stays linear. The batch path does not count, to keep the hot loop free of it.
   */
  long collisions;

  /** An empty table. */
  public WordCounts() {
    this(INITIAL_SLOTS);
  }

  /** An empty table of {@code slots} slots, a power of two (parts of a split start small, and grow). */
  private WordCounts(int slots) {
    table = new long[slots * STRIDE];
    shift = 64 - Integer.numberOfTrailingZeros(slots);
    slotMask = slots - 1;
    growAt = slots / 4 * 3;
  }

  /** Slots for about {@code words} words without growing: at most three quarters full, 16 to the default. */
  private static int slotsFor(int words) {
    return Math.min(INITIAL_SLOTS, slotsToHold(words));
  }

  /** Slots for {@code words} words without growing, however many: at most three quarters full, 16 at least. */
  private static int slotsToHold(int words) {
    int want = (int) Math.min(1 << 29, (long) words * 4 / 3 + 1);
    return Math.max(16, Integer.highestOneBit(want - 1) << 1);
  }

  /** Counts one occurrence of the word held in {@code buf[off, off+len)} (bytes are copied). */
  public void add(byte[] buf, int off, int len) {
    add(buf, off, len, 1);
  }

  /** Counts {@code n} occurrences of the word held in {@code buf[off, off+len)}. */
  public void add(byte[] buf, int off, int len, long n) {
    if (len <= 0) {
      throw new IllegalArgumentException("empty word");
    }
    if (len <= INLINE_BYTES) {
      long w0 = prefix(buf, off, len, 0);
      long w1 = prefix(buf, off, len, 8);
      addInline(w0, w1, len, n);
    } else {
      addLong(buf, off, len, n);
    }
  }

  /**
   * Counts one occurrence of each of {@code count <= BATCH} words of 1 to 16 bytes, word {@code j} given as
   * in {@link #addInline} by {@code w0s[j], w1s[j], lens[j]}. A first pass reads every word's slot, so the
   * cache misses of the batch overlap instead of each waiting on the last; the second counts.
   */
  void addInlineBatch(long[] w0s, long[] w1s, int[] lens, int count) {
    long[] t = table;
    int sh = shift;
    int[] slots = batchSlots;
    long touch = 0;
    for (int j = 0; j < count; j++) {
      int slot = (int) (inlineHash(w0s[j], w1s[j], lens[j]) >>> sh);
      slots[j] = slot;
      touch += t[slot * STRIDE + 3];
    }
    touched += touch;
    for (int j = 0; j < count; j++) {
      if (countAt(slots[j], w0s[j], w1s[j], lens[j], 1) < 0) {
        // The table grew: the slots found in the first pass are for the old size.
        for (int r = j + 1; r < count; r++) {
          addInline(w0s[r], w1s[r], lens[r], 1);
        }
        return;
      }
    }
  }

  /**
   * Counts {@code n} occurrences of a word of 1 to 16 bytes given as two little-endian longs, bytes
   * {@code [0, 8)} and {@code [8, 16)} of the word, zero past its {@code len} bytes.
   */
  void addInline(long w0, long w1, int len, long n) {
    int passed = countAt((int) (inlineHash(w0, w1, len) >>> shift), w0, w1, len, n);
    if (passed > 0) {
      collisions += passed;
    }
  }

  /**
   * Counts {@code n} occurrences of an inline word, probing from {@code slot}, its home slot. Returns the
   * filled slots it passed, or -1 if the table grew (its slots then move).
   */
  private int countAt(int slot, long w0, long w1, int len, long n) {
    long[] t = table;
    total += n;
    for (int passed = 0; ; passed++) {
      int e = slot * STRIDE;
      long meta = t[e + 2];
      if (meta == 0) {
        return fill(e, w0, w1, len, n) ? -1 : passed;
      }
      if (t[e] == w0 && t[e + 1] == w1 && (int) meta == len) {
        t[e + 3] += n;
        return passed;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  /** Puts a new word into the empty entry {@code e}; returns whether the table then grew. */
  private boolean fill(int e, long w0, long w1, long meta, long n) {
    long[] t = table;
    t[e] = w0;
    t[e + 1] = w1;
    t[e + 2] = meta;
    t[e + 3] = n;
    if (++size > growAt) {
      grow();
      return true;
    }
    return false;
  }

  private void addLong(byte[] buf, int off, int len, long n) {
    long w0 = (long) LONGS.get(buf, off);
    long w1 = (long) LONGS.get(buf, off + 8);
    long h = longHash(w0, w1, buf, off, len);
    long[] t = table;
    int slot = (int) (h >>> shift);
    while (true) {
      int e = slot * STRIDE;
      long meta = t[e + 2];
      if (meta == 0) {
        total += n;
        fill(e, w0, w1, (long) store(buf, off, len) << 32 | len, n);
        return;
      }
      if (t[e] == w0 && t[e + 1] == w1 && (int) meta == len
          && Arrays.equals(pool, (int) (meta >>> 32) + 16, (int) (meta >>> 32) + len, buf, off + 16, off + len)) {
        t[e + 3] += n;
        total += n;
        return;
      }
      slot = (slot + 1) & slotMask;
      collisions++;
    }
  }

  /** Bytes {@code [from, from+8)} of the word {@code buf[off, off+len)} as a little-endian long, zero past its end. */
  private static long prefix(byte[] buf, int off, int len, int from) {
    int rest = len - from;
    if (rest <= 0) {
      return 0;
    }
    int at = off + from;
    if (rest >= 8) {
      return (long) LONGS.get(buf, at);
    }
    if (buf.length - at >= 8) {
      return (long) LONGS.get(buf, at) & (-1L >>> (64 - 8 * rest));
    }
    long v = 0;
    for (int k = rest - 1; k >= 0; k--) {
      v = v << 8 | (buf[at + k] & 0xFFL);
    }
    return v;
  }

  /** Multiplicative hash of an inline word; the slot is taken from its high bits. */
  static long inlineHash(long w0, long w1, int len) {
    return (w0 + len) * K1 ^ w1 * K2;
  }

  private static long longHash(long w0, long w1, byte[] buf, int off, int len) {
    long h = inlineHash(w0, w1, len);
    int i = off + 16;
    int end = off + len;
    for (; end - i >= 8; i += 8) {
      h = (Long.rotateLeft(h, 29) ^ (long) LONGS.get(buf, i)) * K1;
    }
    if (i < end) {
      h = (Long.rotateLeft(h, 29) ^ prefix(buf, i, end - i, 0)) * K2;
    }
    return h ^ (h >>> 32);
  }

  /** Copies a long word into the pool; returns its offset. */
  private int store(byte[] buf, int off, int len) {
    if ((long) poolUsed + len > pool.length) {
      long want = Math.max(Math.max((long) pool.length * 2, 4096), (long) poolUsed + len);
      if (want > Integer.MAX_VALUE - 16) {
        want = Integer.MAX_VALUE - 16;
        if (poolUsed + (long) len > want) {
          throw new IllegalStateException("word table is full: more than 2 GB of long words");
        }
      }
      pool = Arrays.copyOf(pool, (int) want);
    }
    System.arraycopy(buf, off, pool, poolUsed, len);
    int at = poolUsed;
    poolUsed += len;
    return at;
  }

  private long hashOfEntry(long[] t, int e) {
    int len = (int) t[e + 2];
    if (len <= INLINE_BYTES) {
      return inlineHash(t[e], t[e + 1], len);
    }
    return longHash(t[e], t[e + 1], pool, (int) (t[e + 2] >>> 32), len);
  }

  private void grow() {
    long[] old = table;
    int slots = (old.length / STRIDE) * 2;
    if (slots > MAX_SLOTS) {
      throw new IllegalStateException("word table is full: more than " + size + " distinct words");
    }
    long[] t = new long[slots * STRIDE];
    int newShift = shift - 1;
    int mask = slots - 1;
    for (int e = 0; e < old.length; e += STRIDE) {
      if (old[e + 2] != 0) {
        int slot = (int) (hashOfEntry(old, e) >>> newShift);
        while (t[slot * STRIDE + 2] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, e, t, slot * STRIDE, STRIDE);
      }
    }
    table = t;
    shift = newShift;
    slotMask = mask;
    growAt = slots / 4 * 3;
  }

  /**
   * Adds every count of {@code other} into this table (the reduce of split files, the batch's counts). Into
   * a table at least as large, {@code other}'s words go in slot order: that is this table's slot order too
   * (both take a slot from the same hash's high bits), so both arrays are walked front to back. Into a
   * smaller one they go in {@link #spreadSlot} order.
   */
  public void mergeFrom(WordCounts other) {
    long[] o = other.table;
    int slots = o.length / STRIDE;
    boolean inOrder = table.length >= o.length;
    for (int j = 0; j < slots; j++) {
      int e = (inOrder ? j : spreadSlot(j, slots)) * STRIDE;
      if (o[e + 2] != 0) {
        int len = (int) o[e + 2];
        if (len <= INLINE_BYTES) {
          mergeInline(o[e], o[e + 1], len, o[e + 3]);
        } else {
          addLong(other.pool, (int) (o[e + 2] >>> 32), len, o[e + 3]);
        }
      }
    }
  }

  /**
   * {@link #addInline} for {@link #mergeFrom}: the same probe, in a method of its own so that merging
   * (many hits, counts above one) does not reshape the JIT's profile of the counting loop's
   * {@link #countAt} (sharing it, counting 120 files took about 14% more CPU when their counts were also
   * merged, measured in one process on this machine).
   */
  private void mergeInline(long w0, long w1, int len, long n) {
    long[] t = table;
    total += n;
    for (int slot = (int) (inlineHash(w0, w1, len) >>> shift); ; slot = (slot + 1) & slotMask) {
      int e = slot * STRIDE;
      long meta = t[e + 2];
      if (meta == 0) {
        fill(e, w0, w1, len, n);
        return;
      }
      if (t[e] == w0 && t[e + 1] == w1 && (int) meta == len) {
        t[e + 3] += n;
        return;
      }
      collisions++;
    }
  }

  /**
   * The {@code j}-th slot of a table of {@code slots} slots in an order that jumps across the table: a
   * table's words are merged and written in this order, never in slot order. Slot order is hash order, and
   * words inserted in hash order into a smaller table would all land in its first few slots, where linear
   * probing turns quadratic. (An odd step visits every slot of a power-of-two table once.)
   */
  private static int spreadSlot(int j, int slots) {
    return (j * 0x9E3779B1) & (slots - 1);
  }

  /** Writes the word of entry {@code e} of {@code t} (a table of this instance) into {@code into[0, len)}. */
  private void wordBytes(long[] t, int e, byte[] into) {
    int len = (int) t[e + 2];
    if (len <= INLINE_BYTES) {
      for (int k = 0; k < len; k++) {
        into[k] = (byte) (t[e + (k >>> 3)] >>> (8 * (k & 7)));
      }
    } else {
      System.arraycopy(pool, (int) (t[e + 2] >>> 32), into, 0, len);
    }
  }

  /**
   * Cuts the table into {@code parts} tables by a hash of each word: a word always goes to the same part,
   * whichever table it comes from, so the parts numbered {@code i} of many tables can be summed apart from
   * the others (the batch's counts, summed across executors in shards). The part is taken from a remix of
   * the word's hash, not its high bits, which pick the word's slot: words that share a part keep spread
   * slots in it.
   */
  public WordCounts[] split(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be positive: " + parts);
    }
    WordCounts[] out = new WordCounts[parts];
    for (int i = 0; i < parts; i++) {
      out[i] = new WordCounts(slotsFor(size / parts));
    }
    splitInto(out);
    return out;
  }

  /**
   * Adds every count of this table into {@code parts}, each word into the part {@link #split} gives it:
   * a task's files go straight into its shards, with no table of the task's sum to cut afterwards.
   */
  public void splitInto(WordCounts[] parts) {
    long[] t = table;
    int slots = t.length / STRIDE;
    for (int j = 0; j < slots; j++) {
      int e = spreadSlot(j, slots) * STRIDE;
      if (t[e + 2] != 0) {
        int len = (int) t[e + 2];
        WordCounts part = parts[partOf(hashOfEntry(t, e), parts.length)];
        if (len <= INLINE_BYTES) {
          part.mergeInline(t[e], t[e + 1], len, t[e + 3]);
        } else {
          part.addLong(pool, (int) (t[e + 2] >>> 32), len, t[e + 3]);
        }
      }
    }
  }

  /** The part of a word of hash {@code h} among {@code parts}: the murmur3 finalizer mixes every bit in. */
  private static int partOf(long h, int parts) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) Long.remainderUnsigned(h, parts);
  }

  /** Counted tokens. */
  public long totalWords() {
    return total;
  }

  /** Distinct words. */
  public int distinctWords() {
    return size;
  }

  /** The count of the word in {@code buf[off, off+len)}, 0 if it was never counted. */
  public long countOf(byte[] buf, int off, int len) {
    int e = find(buf, off, len);
    return e < 0 ? 0 : table[e + 3];
  }

  /** The entry holding the word {@code b[off, off+len)}, or -1. */
  private int find(byte[] b, int off, int len) {
    long w0 = prefix(b, off, len, 0);
    long w1 = prefix(b, off, len, 8);
    long h = len <= INLINE_BYTES ? inlineHash(w0, w1, len) : longHash(w0, w1, b, off, len);
    for (int slot = (int) (h >>> shift); table[slot * STRIDE + 2] != 0; slot = (slot + 1) & slotMask) {
      int e = slot * STRIDE;
      long meta = table[e + 2];
      if (table[e] == w0 && table[e + 1] == w1 && (int) meta == len && (len <= INLINE_BYTES
          || Arrays.equals(pool, (int) (meta >>> 32) + 16, (int) (meta >>> 32) + len, b, off + 16, off + len))) {
        return e;
      }
    }
    return -1;
  }

  /**
   * The top {@code n}: count descending, then word ascending by unsigned UTF-8 bytes. Selection keeps a
   * heap of at most {@code n} entries whose root is the worst kept word, so it costs O(distinct · log n) and
   * allocates O(n), not a sort of the whole vocabulary.
   */
  public List<WordCount> top(int n) {
    int k = Math.min(Math.max(n, 0), size);
    int[] heap = new int[k];
    int kept = 0;
    long[] t = table;
    for (int e = 0; e < t.length && k > 0; e += STRIDE) {
      if (t[e + 2] == 0) {
        continue;
      }
      if (kept < k) {
        heap[kept] = e;
        siftUp(heap, kept++);
      } else if (ranksBefore(e, heap[0])) {
        heap[0] = e;
        siftDown(heap, 0, kept);
      }
    }
    WordCount[] ranked = new WordCount[kept];
    for (int i = kept - 1; i >= 0; i--) {
      int worst = heap[0];
      heap[0] = heap[i];
      siftDown(heap, 0, i);
      ranked[i] = new WordCount(wordAt(worst), table[worst + 3]);
    }
    return new ArrayList<>(Arrays.asList(ranked));
  }

  /** Whether entry {@code a} ranks before entry {@code b} (more counts, or as many and smaller bytes). */
  private boolean ranksBefore(int a, int b) {
    long[] t = table;
    if (t[a + 3] != t[b + 3]) {
      return t[a + 3] > t[b + 3];
    }
    // Little-endian longs: byte order is the order of the byte-reversed values, unsigned.
    for (int k = 0; k < 2; k++) {
      if (t[a + k] != t[b + k]) {
        return Long.compareUnsigned(Long.reverseBytes(t[a + k]), Long.reverseBytes(t[b + k])) < 0;
      }
    }
    int la = (int) t[a + 2];
    int lb = (int) t[b + 2];
    if (la <= INLINE_BYTES || lb <= INLINE_BYTES) {
      // Equal first 16 bytes: the shorter word is a prefix (or they differ only in zero bytes past 16).
      return la < lb;
    }
    int pa = (int) (t[a + 2] >>> 32);
    int pb = (int) (t[b + 2] >>> 32);
    return Arrays.compareUnsigned(pool, pa + 16, pa + la, pool, pb + 16, pb + lb) < 0;
  }

  /** Min-heap on rank: the root is the word that ranks last. */
  private void siftUp(int[] heap, int i) {
    int id = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!ranksBefore(heap[parent], id)) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = id;
  }

  private void siftDown(int[] heap, int i, int n) {
    int id = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && ranksBefore(heap[child], heap[child + 1])) {
        child++;
      }
      if (!ranksBefore(id, heap[child])) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = id;
  }

  private String wordAt(int e) {
    int len = (int) table[e + 2];
    byte[] b = new byte[len];
    wordBytes(table, e, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Empties the table, keeping its arrays for reuse. */
  public void clear() {
    Arrays.fill(table, 0L);
    poolUsed = 0;
    size = 0;
    total = 0;
  }

  /**
   * Writes the table for the shuffle of partial counts and for spills: the length of
   * {@link #toBytes}'s bytes, then those bytes (one format, read back by {@link #readFrom(byte[])}).
   */
  public void writeTo(DataOutput out) throws IOException {
    byte[] bytes = toBytes();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /**
   * The table compactly, in one array: the number of words (4 bytes, big-endian), then each word's
   * length as an unsigned varint, its bytes, and its count as an unsigned varint, in
   * {@link #spreadSlot} order so that reading them back inserts them in no hash order. Made with a
   * call per word, not a stream call per byte (the batch's shards are written this way, one per task
   * and shard).
   */
  public byte[] toBytes() {
    byte[] out = new byte[Math.max(64, 4 + size * 12)];
    out[0] = (byte) (size >>> 24);
    out[1] = (byte) (size >>> 16);
    out[2] = (byte) (size >>> 8);
    out[3] = (byte) size;
    int at = 4;
    long[] t = table;
    int slots = t.length / STRIDE;
    for (int j = 0; j < slots; j++) {
      int e = spreadSlot(j, slots) * STRIDE;
      if (t[e + 2] != 0) {
        int len = (int) t[e + 2];
        // Two varints of at most 10 bytes, the word, and room for an inline word's 16 bytes.
        if (out.length - at < len + 36) {
          out = Arrays.copyOf(out, Math.max(out.length * 2, at + len + 36));
        }
        at = putVarLong(out, at, len);
        if (len <= INLINE_BYTES) {
          // The inline word's bytes, little-endian in its two longs; what passes len is overwritten next.
          LONGS.set(out, at, t[e]);
          LONGS.set(out, at + 8, t[e + 1]);
        } else {
          System.arraycopy(pool, (int) (t[e + 2] >>> 32), out, at, len);
        }
        at += len;
        at = putVarLong(out, at, t[e + 3]);
      }
    }
    return Arrays.copyOf(out, at);
  }

  /** Reads a table that {@link #toBytes} made, from its bytes. */
  public static WordCounts readFrom(byte[] bytes) throws IOException {
    int size = sizeOf(bytes);
    WordCounts table = new WordCounts(slotsToHold(size));
    table.addWords(bytes, size);
    if (table.size != size) {
      throw new IOException("corrupt word table: repeated words");
    }
    return table;
  }

  /** Adds the counts of a table that {@link #toBytes} made, straight from its bytes. */
  public void mergeFrom(byte[] bytes) throws IOException {
    addWords(bytes, sizeOf(bytes));
  }

  private static int sizeOf(byte[] bytes) throws IOException {
    if (bytes.length < 4) {
      throw new IOException("corrupt word table: " + bytes.length + " bytes");
    }
    int size = (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
    if (size < 0) {
      throw new IOException("corrupt word table: " + size + " words");
    }
    return size;
  }

  /** The words of a table's bytes, added where they lie: no copy of each word. */
  private void addWords(byte[] b, int words) throws IOException {
    int[] at = {4};
    for (int i = 0; i < words; i++) {
      long len = getVarLong(b, at);
      if (len <= 0 || len > b.length - at[0]) {
        throw new IOException("corrupt word table at word " + i + ": length " + len);
      }
      int off = at[0];
      at[0] += (int) len;
      long count = getVarLong(b, at);
      if (count < 0) {
        throw new IOException("corrupt word table at word " + i + ": count " + count);
      }
      add(b, off, (int) len, count);
    }
  }

  private static int putVarLong(byte[] out, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  /** The varint at {@code at[0]}, which moves past it. */
  private static long getVarLong(byte[] b, int[] at) throws IOException {
    long v = 0;
    int i = at[0];
    for (int shift = 0; shift < 64; shift += 7) {
      if (i >= b.length) {
        throw new IOException("corrupt word table: ends inside a number");
      }
      int x = b[i++];
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        at[0] = i;
        return v;
      }
    }
    throw new IOException("corrupt word table: varint too long");
  }

  /** Reads a table written by {@link #writeTo}. */
  public static WordCounts readFrom(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 4) {
      throw new IOException("corrupt word table: " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return readFrom(bytes);
  }
}
