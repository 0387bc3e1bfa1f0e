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
 * Word → count table keyed by UTF-8 byte slices, with no object per token (the idea of Lucene's
 * {@code BytesRefHash}). Each distinct word gets an int id in order of first appearance; its bytes are
 * appended to one growing shared byte pool, so word {@code id} is {@code pool[start[id], start[id+1])}.
 * An open-addressing table (linear probing, at most half full) maps a word to its id; each slot holds the
 * word's 32-bit hash in the high half and {@code id + 1} in the low half (0 = empty), so most probes are
 * decided without touching the pool and growing never rehashes bytes. Counts live in a parallel array.
 *
 * <p>Not thread-safe: one table per task, merged with {@link #mergeFrom}.
 */
public final class WordCounts {
  private static final int INITIAL_SLOTS = 1 << 10;
  /** Spare bytes kept at the end of the pool, so words can be read eight bytes at a time. */
  private static final int SLACK = 8;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] pool = new byte[1 << 12];
  private int poolUsed;
  /** {@code starts[id]} is where word {@code id} begins in {@link #pool}; {@code starts[size] == poolUsed}. */
  private int[] starts = new int[INITIAL_SLOTS / 2 + 1];
  private long[] counts = new long[INITIAL_SLOTS / 2];
  private long[] slots = new long[INITIAL_SLOTS];
  private int mask = INITIAL_SLOTS - 1;
  private int size;
  private long total;

  /** Counts one occurrence of the word held in {@code buf[off, off+len)} (bytes are copied). */
  public void add(byte[] buf, int off, int len) {
    add(buf, off, len, 1);
  }

  /** Counts {@code n} occurrences of the word held in {@code buf[off, off+len)}. */
  public void add(byte[] buf, int off, int len, long n) {
    int hash = hash(buf, off, len);
    int slot = hash & mask;
    while (true) {
      long entry = slots[slot];
      if (entry == 0) {
        break;
      }
      if ((int) (entry >>> 32) == hash) {
        int id = (int) entry - 1;
        int start = starts[id];
        if (starts[id + 1] - start == len && sameBytes(pool, start, buf, off, len)) {
          counts[id] += n;
          total += n;
          return;
        }
      }
      slot = (slot + 1) & mask;
    }
    int id = newWord(buf, off, len);
    counts[id] = n;
    total += n;
    slots[slot] = (long) hash << 32 | (id + 1);
    if (size > (mask + 1) >>> 1) {
      rehash();
    }
  }

  /**
   * Hashes a word eight bytes at a time (little-endian longs, a multiply and shift per long, then
   * Murmur3's 64-bit finalizer). The last partial long is read whole and masked when the array has room
   * past the word — the tokenizer's buffer always does — else byte by byte.
   */
  static int hash(byte[] b, int off, int len) {
    long h = len * 0x9E3779B97F4A7C15L;
    int i = off;
    int end = off + len;
    for (; end - i >= 8; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL;
      h ^= h >>> 29;
    }
    int rest = end - i;
    if (rest > 0) {
      long tail;
      if (b.length - i >= 8) {
        tail = (long) LONGS.get(b, i) & (-1L >>> (64 - 8 * rest));
      } else {
        tail = 0;
        for (int k = rest - 1; k >= 0; k--) {
          tail = tail << 8 | (b[i + k] & 0xFFL);
        }
      }
      h = (h ^ tail) * 0xC2B2AE3D27D4EB4FL;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /**
   * Compares eight bytes at a time; the last partial long is read whole and masked when both arrays have
   * room past the words (the pool always keeps {@value #SLACK} spare bytes; the tokenizer's buffer too), so
   * a short word is one compare with no loop to mispredict.
   */
  private static boolean sameBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
    int k = 0;
    for (; len - k >= 8; k += 8) {
      if ((long) LONGS.get(a, aOff + k) != (long) LONGS.get(b, bOff + k)) {
        return false;
      }
    }
    int rest = len - k;
    if (rest == 0) {
      return true;
    }
    if (a.length - (aOff + k) >= 8 && b.length - (bOff + k) >= 8) {
      long diff = (long) LONGS.get(a, aOff + k) ^ (long) LONGS.get(b, bOff + k);
      return (diff & (-1L >>> (64 - 8 * rest))) == 0;
    }
    for (; k < len; k++) {
      if (a[aOff + k] != b[bOff + k]) {
        return false;
      }
    }
    return true;
  }

  private int newWord(byte[] buf, int off, int len) {
    if ((long) poolUsed + len + SLACK > pool.length) {
      long want = Math.max((long) pool.length * 2, (long) poolUsed + len + SLACK);
      if (want > Integer.MAX_VALUE - 16) {
        want = Integer.MAX_VALUE - 16;
        if (poolUsed + (long) len + SLACK > want) {
          throw new IllegalStateException("word table is full: more than 2 GB of distinct words");
        }
      }
      pool = Arrays.copyOf(pool, (int) want);
    }
    if (size == counts.length) {
      counts = Arrays.copyOf(counts, size * 2);
      starts = Arrays.copyOf(starts, size * 2 + 1);
    }
    System.arraycopy(buf, off, pool, poolUsed, len);
    int id = size++;
    starts[id] = poolUsed;
    poolUsed += len;
    starts[id + 1] = poolUsed;
    return id;
  }

  private void rehash() {
    long[] bigger = new long[slots.length * 2];
    int newMask = bigger.length - 1;
    for (long entry : slots) {
      if (entry != 0) {
        int slot = (int) (entry >>> 32) & newMask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & newMask;
        }
        bigger[slot] = entry;
      }
    }
    slots = bigger;
    mask = newMask;
  }

  /** Adds every count of {@code other} into this table (the reduce of split files). */
  public void mergeFrom(WordCounts other) {
    for (int id = 0; id < other.size; id++) {
      int start = other.starts[id];
      int len = other.starts[id + 1] - start;
      add(other.pool, start, len, other.counts[id]);
    }
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
    int hash = hash(buf, off, len);
    for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      int id = (int) entry - 1;
      int start = starts[id];
      if ((int) (entry >>> 32) == hash && starts[id + 1] - start == len
          && sameBytes(pool, start, buf, off, len)) {
        return counts[id];
      }
    }
    return 0;
  }

  /**
   * The top {@code n}: count descending, then word ascending by unsigned UTF-8 bytes. Selection keeps a
   * heap of at most {@code n} ids whose root is the worst kept word, so it costs O(distinct · log n) and
   * allocates O(n), not a sort of the whole vocabulary.
   */
  public List<WordCount> top(int n) {
    int k = Math.min(Math.max(n, 0), size);
    int[] heap = new int[k];
    int kept = 0;
    for (int id = 0; id < size && k > 0; id++) {
      if (kept < k) {
        heap[kept] = id;
        siftUp(heap, kept++);
      } else if (ranksBefore(id, heap[0])) {
        heap[0] = id;
        siftDown(heap, 0, kept);
      }
    }
    WordCount[] ranked = new WordCount[kept];
    for (int i = kept - 1; i >= 0; i--) {
      int worst = heap[0];
      heap[0] = heap[i];
      siftDown(heap, 0, i);
      ranked[i] = new WordCount(wordAt(worst), counts[worst]);
    }
    return new ArrayList<>(Arrays.asList(ranked));
  }

  /** Whether word {@code a} ranks before word {@code b} (more counts, or as many and smaller bytes). */
  private boolean ranksBefore(int a, int b) {
    if (counts[a] != counts[b]) {
      return counts[a] > counts[b];
    }
    return Arrays.compareUnsigned(pool, starts[a], starts[a + 1], pool, starts[b], starts[b + 1]) < 0;
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

  private String wordAt(int id) {
    return new String(pool, starts[id], starts[id + 1] - starts[id], StandardCharsets.UTF_8);
  }

  /** Empties the table, keeping its arrays for reuse. */
  public void clear() {
    Arrays.fill(slots, 0L);
    poolUsed = 0;
    size = 0;
    total = 0;
  }

  /**
   * Writes the table compactly (for the shuffle of partial counts): the number of words, the pool's
   * length and bytes, then each word's length and count as unsigned varints.
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(size);
    out.writeInt(poolUsed);
    out.write(pool, 0, poolUsed);
    for (int id = 0; id < size; id++) {
      writeVarLong(out, starts[id + 1] - starts[id]);
      writeVarLong(out, counts[id]);
    }
  }

  /** Reads a table written by {@link #writeTo}. */
  public static WordCounts readFrom(DataInput in) throws IOException {
    int size = in.readInt();
    int poolBytes = in.readInt();
    if (size < 0 || poolBytes < 0) {
      throw new IOException("corrupt word table: " + size + " words, " + poolBytes + " bytes");
    }
    byte[] bytes = new byte[poolBytes];
    in.readFully(bytes);
    WordCounts table = new WordCounts();
    int at = 0;
    for (int i = 0; i < size; i++) {
      long len = readVarLong(in);
      long count = readVarLong(in);
      if (len > poolBytes - at || count < 0) {
        throw new IOException("corrupt word table at word " + i);
      }
      table.add(bytes, at, (int) len, count);
      at += (int) len;
    }
    if (at != poolBytes || table.size != size) {
      throw new IOException("corrupt word table: words do not match the pool");
    }
    return table;
  }

  private static void writeVarLong(DataOutput out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarLong(DataInput in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("corrupt word table: varint too long");
  }
}
