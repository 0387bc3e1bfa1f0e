package io.wordfreq.bench;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The benchmarks' generated text, one source for {@code bench/e2e} ({@link CorpusBuilder}) and {@code bench/kernel}
 * ({@code BenchTexts}), so both measure the same bytes. A stream of documents of one {@link Kind}; the same kind and
 * seed always give the same bytes.
 *
 * <ul>
 *   <li>{@code english}: one document is one paragraph of sentences of Zipf-distributed words (common English words
 *       at the head, a tail of 50,000 syllable-built words, among them a few accented, Cyrillic and CJK ones), with
 *       capitals, commas, full stops, quotes and line breaks about where English has them;
 *   <li>{@code email}: one document is one message of 3 to 8 KB: Received, From, To, Cc, Date, Message-ID,
 *       In-Reply-To, Subject headers; names with accents (a few in Cyrillic or CJK), addresses, hex ids, ticket
 *       numbers and links in the body; replies quoting an earlier message; signatures and list footers; and in about
 *       one message in 25 a Latin-1 byte, which is not valid UTF-8, as real mail has;
 *   <li>{@code dictionary}: one document is one entry: a headword (300,000 distinct ones), its pronunciation in IPA,
 *       part of speech, numbered senses whose words are often other headwords, etymology with Greek, Cyrillic or CJK
 *       words, examples and cross-references: a vocabulary far larger than speeches have.
 * </ul>
 */
public final class GeneratedTexts {
  /** What the text looks like. */
  public enum Kind {
    ENGLISH, EMAIL, DICTIONARY;

    /** The kind of a lower-case name, as the benchmarks' options spell it; a clear error for any other. */
    public static Kind named(String name) {
      for (Kind k : values()) {
        if (k.label().equals(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown generated text kind '" + name + "' (english, email or dictionary)");
    }

    /** The name the benchmarks' options use. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String[] COMMON = (
      "the of and to a in is that for it as was with be by on not he this are or his from at which but have an "
      + "they you were her she there been one all we their has would when if so no will what can more out "
      + "its who said about up them some could him into than then only other time new these two may first "
      + "people any very our most over such even made after also did many before must through years where "
      + "much your way well down should because each just those how state government nation country great "
      + "american congress public united states world peace upon power national would should").split(" ");
  private static final String[] SYLLABLES = (
      "ac al an ar as at be ble ca ce ci co com con de di dis ed en er es ex fi ge in ing ion is it la le li "
      + "lo ma me mi mo na ne ni no of om on or pa pe per po pro ra re ri ro sa se si so ta te ter ti to tion "
      + "tu un ur us ve vi").split(" ");
  /** Words from other languages, spread through the English tail. */
  private static final String[] FOREIGN = (
      "café naïve résumé façade déjà-vu Zürich São Köln señor über élan piñata jalapeño smörgåsbord Łódź crème "
      + "brûlée München García Müller Ελλάδα λόγος встреча спасибо Москва данные 東京 会議 データ 北京 서울").split(" ");
  private static final String[] GREEK = "λόγος γλῶσσα φιλία ἄβαξ κόσμος ψυχή θέατρον".split(" ");
  private static final String[] CYRILLIC = "слово книга счёты город вода язык".split(" ");
  private static final String[] CJK = "算盤 言葉 辞書 水 書物 都市".split(" ");
  private static final String[] FIRST = (
      "Anna James Maria John Sofia David Laura Michael Emma Peter Olivia Thomas Chloé José François Zoë Björn "
      + "Łukasz Søren Ana Jürgen Inés Renée Mateus Agnieszka Siobhán Håkon Dmitri Yuki Wei Priya Ahmed Fatima").split(" ");
  private static final String[] LAST = (
      "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Müller García Núñez Dubois Kowalski "
      + "Østergaard Šimek Gonçalves O'Brien Nakamura Chen Patel Schröder Lefèvre Andersson Rossi").split(" ");
  /** Names written only in their own script: their addresses are ASCII ids. */
  private static final String[] NATIVE_NAMES = "Иван Петров|Ольга Смирнова|李明|山田 太郎|김민준".split("\\|");
  private static final String[] DOMAINS =
      "example.com example.org mail.example.net lists.example.org corp.example.de example.co.uk example.fr".split(" ");
  private static final String[] LATIN1 = "café Müller naïve señor Zürich résumé".split(" ");
  private static final int[] OFFSETS = {0, 1, 2, -5, -8, 9, 3, 5};

  private final Documents documents;

  private GeneratedTexts(Documents documents) {
    this.documents = documents;
  }

  /** A new stream of documents of one kind; the same kind and seed give the same documents. */
  public static GeneratedTexts of(Kind kind, long seed) {
    Random random = new Random(seed);
    return new GeneratedTexts(switch (kind) {
      case ENGLISH -> new English(random);
      case EMAIL -> new Email(random);
      case DICTIONARY -> new Dictionary(random);
    });
  }

  /** Whole documents of one kind, one after another, until at least {@code size} bytes. */
  public static byte[] text(Kind kind, int size, long seed) {
    GeneratedTexts texts = of(kind, seed);
    Bytes out = new Bytes(size + (16 << 10));
    while (out.length() < size) {
      out.add(texts.next()).add('\n');
    }
    return out.toArray();
  }

  /** The next document: a paragraph, a message or a dictionary entry, by kind; ends with a line break. */
  public byte[] next() {
    return documents.next();
  }

  /** One kind's documents. */
  private interface Documents {
    byte[] next();
  }

  /** A growable byte array: the documents are built as bytes so that they can hold bytes that are not UTF-8. */
  private static final class Bytes {
    private byte[] bytes;
    private int length;

    Bytes(int capacity) {
      bytes = new byte[capacity];
    }

    Bytes add(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, bytes, length, b.length);
      length += b.length;
      return this;
    }

    Bytes add(String s) {
      return add(s.getBytes(StandardCharsets.UTF_8));
    }

    Bytes add(char ascii) {
      ensure(1);
      bytes[length++] = (byte) ascii;
      return this;
    }

    int length() {
      return length;
    }

    /** The bytes after {@code from}, as text (for quoting a message). */
    String from(int from) {
      return new String(bytes, from, length - from, StandardCharsets.UTF_8);
    }

    byte[] toArray() {
      return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  /**
   * Words with Zipf frequencies: the word of rank r comes about 1/r as often as the first. A guide table finds a
   * draw's rank in a step or two, where a binary search over the whole vocabulary would dominate the generation.
   */
  private static final class Zipf {
    private static final int GUIDES = 1 << 16;
    private final byte[][] words;
    private final byte[][] capitalized;
    private final double[] cumulative;
    private final int[] guide = new int[GUIDES];

    Zipf(String[] words) {
      this.words = new byte[words.length][];
      this.capitalized = new byte[words.length][];
      this.cumulative = new double[words.length];
      double sum = 0;
      for (int i = 0; i < words.length; i++) {
        this.words[i] = words[i].getBytes(StandardCharsets.UTF_8);
        this.capitalized[i] = capitalize(words[i]).getBytes(StandardCharsets.UTF_8);
        sum += 1.0 / (i + 1);
        cumulative[i] = sum;
      }
      for (int j = 0, i = 0; j < GUIDES; j++) {
        while (cumulative[i] < sum * j / GUIDES) {
          i++;
        }
        guide[j] = i; // the first rank whose cumulative weight reaches the start of slice j
      }
    }

    int rank(Random random) {
      double total = cumulative[cumulative.length - 1];
      double u = random.nextDouble() * total;
      int i = guide[Math.min((int) (u / total * GUIDES), GUIDES - 1)];
      while (i < cumulative.length - 1 && cumulative[i] < u) {
        i++;
      }
      return i;
    }
  }

  private static String capitalize(String w) {
    int first = w.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(w, Character.charCount(first),
        w.length()).toString();
  }

  private static String syllableWord(Random random, int min, int max) {
    StringBuilder w = new StringBuilder();
    int n = min + random.nextInt(max - min + 1);
    for (int k = 0; k < n; k++) {
      w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return w.toString();
  }

  /** The English vocabulary: common words first, syllable-built words after, foreign words spread in the tail. */
  private static String[] englishVocabulary(Random random) {
    String[] words = new String[50_000];
    for (int i = 0; i < words.length; i++) {
      words[i] = i < COMMON.length ? COMMON[i] : syllableWord(random, 1, 4);
    }
    for (int k = 0; k < FOREIGN.length; k++) {
      words[300 + 97 * k] = FOREIGN[k];
    }
    return words;
  }

  private static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }

  private static String hex(Random random, int digits) {
    StringBuilder h = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      h.append(Character.forDigit(random.nextInt(16), 16));
    }
    return h.toString();
  }

  /**
   * Writes sentences of words from {@code vocabulary} until {@code out} has grown by {@code bytes}, wrapped near 72
   * columns; {@code extra}, when not null, now and then puts in a token of its own (an id, a link, a number).
   */
  private static void prose(Random random, Zipf vocabulary, Bytes out, int bytes, Extra extra) {
    int end = out.length() + bytes;
    int line = 0;
    boolean sentenceStart = true;
    while (out.length() < end) {
      int before = out.length();
      if (extra != null && random.nextInt(18) == 0) {
        out.add(extra.token(random));
      } else {
        if (random.nextInt(60) == 0) {
          out.add('"');
        }
        int rank = vocabulary.rank(random);
        out.add(sentenceStart ? vocabulary.capitalized[rank] : vocabulary.words[rank]);
      }
      sentenceStart = false;
      int p = random.nextInt(100);
      if (p < 7) {
        out.add('.');
        sentenceStart = true;
      } else if (p < 13) {
        out.add(',');
      }
      if (out.length() >= end) {
        out.add(sentenceStart ? "\n" : ".\n");
        return;
      }
      line += out.length() - before + 1;
      if (line > 72) {
        out.add('\n');
        line = 0;
      } else {
        out.add(' ');
      }
    }
    out.add('\n');
  }

  /** A token that is not a word of the vocabulary. */
  private interface Extra {
    String token(Random random);
  }

  /** Paragraphs of English-like prose. */
  private static final class English implements Documents {
    private final Random random;
    private final Zipf vocabulary;

    English(Random random) {
      this.random = random;
      this.vocabulary = new Zipf(englishVocabulary(random));
    }

    @Override
    public byte[] next() {
      Bytes out = new Bytes(2048);
      prose(random, vocabulary, out, 200 + random.nextInt(1200), null);
      return out.toArray();
    }
  }

  /** A sender or recipient of mail. */
  private record Person(String name, String address, String title) {
    String mailbox() {
      return name + " <" + address + ">";
    }
  }

  /** A message kept to be replied to. */
  private record Sent(String subject, String messageId, Person from, OffsetDateTime date, String body) {
  }

  /** Mail messages, one a document, some of them replies to earlier ones. */
  private static final class Email implements Documents {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final String[] TITLES = {"Engineer", "Senior Engineer", "Product Manager", "Accountant",
        "Head of Operations", "Analyst", "Director of Sales", "Support Lead"};
    private static final String[] PROJECTS = {"OPS", "INC", "FIN", "DATA", "WEB", "HR", "SEC"};
    private static final String[] MAILERS = {"Mozilla Thunderbird 115.3.1", "Microsoft Outlook 16.0",
        "Apple Mail (2.3774)", "Roundcube Webmail/1.6.2", "mutt/2.2.9"};

    private final Random random;
    private final Zipf vocabulary;
    private final Zipf subjects;
    private final List<Person> people = new ArrayList<>();
    private final Zipf senders;
    private final Deque<Sent> recent = new ArrayDeque<>();
    private final Extra extra = this::idLike;
    private OffsetDateTime now = OffsetDateTime.of(2023, 1, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    Email(Random random) {
      this.random = random;
      String[] words = englishVocabulary(random);
      this.vocabulary = new Zipf(words);
      String[] topics = new String[2_000];
      for (int i = 0; i < topics.length; i++) {
        topics[i] = words[random.nextInt(3000)] + " " + words[random.nextInt(20_000)] + " "
            + words[random.nextInt(50_000)];
      }
      this.subjects = new Zipf(topics);
      String[] domains = new String[300];
      for (int i = 0; i < domains.length; i++) {
        domains[i] = i < DOMAINS.length ? DOMAINS[i] : syllableWord(random, 2, 3) + pick(random, new String[] {
            ".com", ".org", ".net", ".de", ".fr", ".co.uk", ".io"});
      }
      String[] ids = new String[5_000];
      for (int i = 0; i < ids.length; i++) {
        String name;
        String local;
        if (random.nextInt(40) == 0) {
          name = pick(random, NATIVE_NAMES);
          local = "u" + hex(random, 6);
        } else {
          String first = pick(random, FIRST);
          String last = pick(random, LAST);
          name = first + " " + last;
          local = ascii(first) + (random.nextBoolean() ? "." : "") + ascii(last)
              + (random.nextInt(4) == 0 ? Integer.toString(random.nextInt(100)) : "");
        }
        people.add(new Person(name, local + "@" + domains[Math.min(random.nextInt(domains.length),
            random.nextInt(domains.length))], pick(random, TITLES)));
        ids[i] = Integer.toString(i);
      }
      this.senders = new Zipf(ids);
    }

    /** An address's ASCII form of a name: accents dropped, lower case, letters only. */
    private static String ascii(String name) {
      return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private Person someone() {
      return people.get(senders.rank(random));
    }

    private String messageId(Person from) {
      return "<" + hex(random, 16) + "." + hex(random, 8) + "@mail." + from.address().substring(
          from.address().indexOf('@') + 1) + ">";
    }

    private String idLike(Random r) {
      return switch (r.nextInt(7)) {
        case 0 -> pick(r, PROJECTS) + "-" + (1000 + r.nextInt(90_000));
        case 1 -> "https://tracker.example.com/browse/" + pick(r, PROJECTS) + "-" + (1000 + r.nextInt(90_000));
        case 2 -> hex(r, 7 + r.nextInt(34));
        case 3 -> String.format(Locale.ROOT, "%02d:%02d", r.nextInt(24), r.nextInt(4) * 15);
        case 4 -> String.format(Locale.ROOT, "€%,d.%02d", r.nextInt(100_000), r.nextInt(100));
        case 5 -> people.get(senders.rank(r)).address();
        default -> "+" + (1 + r.nextInt(99)) + " " + (100 + r.nextInt(900)) + " " + (1000 + r.nextInt(9000));
      };
    }

    @Override
    public byte[] next() {
      int target = 3000 + random.nextInt(5001);
      now = now.plusMinutes(1 + random.nextInt(90));
      OffsetDateTime date = now.withOffsetSameInstant(ZoneOffset.ofHours(OFFSETS[random.nextInt(OFFSETS.length)]));
      Person from = someone();
      Sent original = !recent.isEmpty() && random.nextInt(5) < 2
          ? recent.stream().skip(random.nextInt(recent.size())).findFirst().orElseThrow() : null;
      String subject = original == null ? capitalize(new String(subjects.words[subjects.rank(random)],
          StandardCharsets.UTF_8)) : original.subject().startsWith("Re: ") ? original.subject()
          : "Re: " + original.subject();
      String id = messageId(from);
      String relay = from.address().substring(from.address().indexOf('@') + 1);
      Bytes out = new Bytes(target + 2048);
      out.add("Received: from mail." + relay + " (mail." + relay + " [10." + random.nextInt(256) + "."
          + random.nextInt(256) + "." + random.nextInt(256) + "])\n\tby mx.example.com with ESMTPS id "
          + hex(random, 12) + "\n\tfor <" + someone().address() + ">; " + DATE.format(date) + "\n");
      out.add("From: " + from.mailbox() + "\n");
      out.add("To: " + someone().mailbox() + (random.nextInt(3) == 0 ? ", " + someone().mailbox() : "") + "\n");
      if (random.nextInt(3) == 0) {
        out.add("Cc: " + someone().mailbox() + "\n");
      }
      out.add("Date: " + DATE.format(date) + "\n");
      out.add("Message-ID: " + id + "\n");
      if (original != null) {
        out.add("In-Reply-To: " + original.messageId() + "\nReferences: " + original.messageId() + "\n");
      }
      out.add("Subject: " + subject + "\n");
      out.add("MIME-Version: 1.0\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n");
      out.add("X-Mailer: " + pick(random, MAILERS) + "\n\n");
      Person to = someone();
      out.add(switch (random.nextInt(4)) {
        case 0 -> "Hi " + to.name().split(" ")[0] + ",\n\n";
        case 1 -> "Dear " + to.name() + ",\n\n";
        case 2 -> "Hello all,\n\n";
        default -> "";
      });
      int bodyStart = out.length();
      String quote = original == null ? "" : "\nOn " + DATE.format(original.date()) + ", " + original.from().mailbox()
          + " wrote:\n> " + original.body().strip().replace("\n", "\n> ") + "\n";
      String signature = "\n-- \n" + from.name() + "\n" + from.title() + ", " + capitalize(
          from.address().substring(from.address().indexOf('@') + 1)) + "\n" + idLike(new Random(from.hashCode()))
          + "\n" + (random.nextInt(6) == 0 ? "_______________________________________________\nteam mailing list\n"
          + "team@lists.example.org\nhttps://lists.example.org/mailman/listinfo/team\n" : "");
      int bodyBytes = Math.max(200, target - out.length() - quote.length() * 3 / 2 - signature.length());
      while (out.length() - bodyStart < bodyBytes) {
        prose(random, vocabulary, out, Math.min(bodyBytes, 300 + random.nextInt(900)), extra);
        if (random.nextInt(25) == 0) {
          // Mail sent by a client that ignored the charset: one Latin-1 byte, not UTF-8.
          out.add(pick(random, LATIN1).getBytes(StandardCharsets.ISO_8859_1)).add('\n');
        }
        out.add('\n');
      }
      String body = out.from(bodyStart);
      out.add(quote).add(signature);
      recent.addLast(new Sent(subject, id, from, date, body.length() > 600 ? body.substring(0, 600) : body));
      if (recent.size() > 50) {
        recent.removeFirst();
      }
      return out.toArray();
    }
  }

  /** Dictionary entries, headwords in alphabetical order, starting again at the end. */
  private static final class Dictionary implements Documents {
    private static final String[] POS = {"n.", "n.", "n.", "v.", "v.", "adj.", "adj.", "adv.", "prep.", "interj."};
    private static final String[] ORIGINS = {"Latin", "Old French", "Old English", "Middle Dutch", "Greek",
        "Russian", "Japanese", "German"};

    private final Random random;
    private final Zipf vocabulary;
    private final String[] headwords;
    private int next;

    Dictionary(Random random) {
      this.random = random;
      this.vocabulary = new Zipf(englishVocabulary(random));
      Set<String> words = new LinkedHashSet<>(Arrays.asList(FOREIGN));
      while (words.size() < 300_000) {
        words.add(syllableWord(random, 2, 5));
      }
      headwords = words.toArray(String[]::new);
      Arrays.sort(headwords);
    }

    private static String ipa(String word) {
      return "/ˈ" + word.toLowerCase(Locale.ROOT).replace("th", "θ").replace("sh", "ʃ").replace("ng", "ŋ")
          .replace('a', 'æ').replace('e', 'ə').replace('i', 'ɪ').replace('o', 'ɒ').replace('u', 'ʊ') + "/";
    }

    private String headword() {
      return headwords[random.nextInt(headwords.length)];
    }

    /** Words of a definition, without the full stop: most from everyday English, many from the headwords. */
    private void definition(Bytes out, int words) {
      for (int i = 0; i < words; i++) {
        if (i > 0) {
          out.add(random.nextInt(12) == 0 ? ", " : " ");
        }
        if (random.nextInt(4) == 0) {
          out.add(headword());
        } else {
          out.add(vocabulary.words[vocabulary.rank(random)]);
        }
      }
    }

    private String origin() {
      String language = pick(random, ORIGINS);
      String word = switch (language) {
        case "Greek" -> pick(random, GREEK);
        case "Russian" -> pick(random, CYRILLIC);
        case "Japanese" -> pick(random, CJK);
        case "German" -> pick(random, FOREIGN);
        default -> syllableWord(random, 2, 3) + pick(random, new String[] {"us", "e", "an", "um", "er"});
      };
      return language + " " + word;
    }

    @Override
    public byte[] next() {
      String headword = headwords[next];
      next = (next + 1) % headwords.length;
      String pos = pick(random, POS);
      Bytes out = new Bytes(1024);
      out.add(headword).add(' ').add(ipa(headword)).add(' ').add(pos).add(' ');
      if (pos.equals("n.") && random.nextInt(3) == 0) {
        out.add("(pl. " + headword + (headword.endsWith("s") ? "es" : "s") + ") ");
      } else if (pos.equals("v.")) {
        out.add("(" + headword + "ed, " + headword + "ing) ");
      }
      int senses = 1 + random.nextInt(random.nextInt(4) + 1);
      for (int s = 1; s <= senses; s++) {
        if (senses > 1) {
          out.add(s + ". ");
        }
        definition(out, 5 + random.nextInt(16));
        out.add(". ");
        if (random.nextInt(4) == 0) {
          out.add("\"").add(capitalize(headword)).add(' ');
          definition(out, 4 + random.nextInt(8));
          out.add(".\" ");
        }
      }
      if (random.nextBoolean()) {
        out.add("[from " + origin() + (random.nextInt(3) == 0 ? ", from " + origin() : "") + "] ");
      }
      if (random.nextInt(3) == 0) {
        out.add("See also: " + headword() + (random.nextBoolean() ? ", " + headword() : "") + ".");
      }
      return out.add('\n').toArray();
    }
  }
}
