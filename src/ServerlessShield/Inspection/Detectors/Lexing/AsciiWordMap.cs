using System.Numerics;

namespace ServerlessShield;

// A small immutable map from ASCII words to values, looked up by span without allocating (FrozenDictionary's span
// lookup needs .NET 9, the library also targets .NET 8). Entries are hashed by length and first letter into twice as
// many buckets as entries.
internal sealed class AsciiWordMap<TValue>
{
    private const int MaxLength = 40;

    // Lengths above this share the last row of the filter.
    private const int FilterLengths = 16;

    // A character's slot in the filter: 26 letters, then anything else.
    private const int Slots = 27;

    // Indexes into _words and _values, bucketed by length and first letter. Words and values sit in arrays of their
    // own rather than in tuples: startup then builds no collection of (string, TValue) per value type, which a JIT
    // would compile anew for each one.
    private readonly int[]?[] _buckets;
    private readonly string[] _words;
    private readonly TValue[] _values;
    private readonly bool _ignoreCase;

    // One bit per (length, first letter, last letter) of the stored words: most words looked up are not stored, and
    // this rejects nearly all of them with one load (a miss in a real lookup compares strings).
    private readonly ulong[] _filter = new ulong[(FilterLengths * Slots * Slots + 63) / 64];

    // A map from each word to the value at the same index; a word given twice keeps its first value.
    public AsciiWordMap(bool ignoreCase, string[] words, TValue[] values)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(values);
        if (words.Length != values.Length)
        {
            throw new ArgumentException("One value per word is needed.", nameof(values));
        }

        _ignoreCase = ignoreCase;
        _words = new string[words.Length];
        _values = new TValue[words.Length];
        _buckets = new int[]?[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, words.Length * 2))];
        var count = 0;
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (word.Length is 0 or > MaxLength || word[0] > 0x7F)
            {
                throw new ArgumentException($"'{word}' is not a short ASCII word.", nameof(words));
            }

            var stored = ignoreCase ? word.ToLowerInvariant() : word;
            if (Find(stored) >= 0)
            {
                continue;
            }

            LongestWord = Math.Max(LongestWord, stored.Length);
            var bit = FilterBit(stored);
            _filter[bit >> 6] |= 1UL << bit;
            var key = Key(stored.Length, stored[0]);
            var bucket = _buckets[key] ?? [];
            Array.Resize(ref bucket, bucket.Length + 1);
            bucket[^1] = count;
            _buckets[key] = bucket;
            _words[count] = stored;
            _values[count] = values[w];
            count++;
        }

        Array.Resize(ref _words, count);
        Array.Resize(ref _values, count);
    }

    // A map from (word, value) pairs, written as a table in the source.
    public static AsciiWordMap<TValue> FromPairs(bool ignoreCase, ReadOnlySpan<(string Word, TValue Value)> pairs)
    {
        var words = new string[pairs.Length];
        var values = new TValue[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            (words[i], values[i]) = pairs[i];
        }

        return new AsciiWordMap<TValue>(ignoreCase, words, values);
    }

    // The length of the longest stored word; longer spans are never keys.
    public int LongestWord { get; }

    // Every stored word (lower-cased when the map ignores case), in the order first given.
    public IReadOnlyList<string> Words => _words;

    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        value = default!;
        if (word.Length is 0 or > MaxLength || word[0] > 0x7F)
        {
            return false;
        }

        var bit = FilterBit(word);
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            return false;
        }

        var index = Find(word);
        if (index < 0)
        {
            return false;
        }

        value = _values[index];
        return true;
    }

    private int Find(ReadOnlySpan<char> word)
    {
        var bucket = _buckets[Key(word.Length, _ignoreCase ? LexChars.Lower(word[0]) : word[0])];
        if (bucket is null)
        {
            return -1;
        }

        foreach (var index in bucket)
        {
            var candidate = _words[index];
            if (candidate.Length == word.Length && (_ignoreCase ? word.Equals(candidate, StringComparison.OrdinalIgnoreCase) : word.SequenceEqual(candidate)))
            {
                return index;
            }
        }

        return -1;
    }

    private static int FilterBit(ReadOnlySpan<char> word) =>
        ((Math.Min(word.Length, FilterLengths) - 1) * Slots + Slot(word[0])) * Slots + Slot(word[^1]);

    // Letters of either case share a slot; so do the two characters outside ASCII that OrdinalIgnoreCase equates
    // with ASCII letters (dotless i, long s). Case-sensitive maps only lose precision, never a match.
    private static int Slot(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        '\u0131' => 'i' - 'a',
        '\u017F' => 's' - 'a',
        _ => Slots - 1,
    };

    private int Key(int length, char first) => ((length * 131) ^ (first & 0x7F)) & (_buckets.Length - 1);
}
