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

    private readonly (string Word, TValue Value)[]?[] _buckets;
    private readonly bool _ignoreCase;

    // One bit per (length, first letter, last letter) of the stored words: most words looked up are not stored, and
    // this rejects nearly all of them with one load (a miss in a real lookup compares strings).
    private readonly ulong[] _filter = new ulong[(FilterLengths * Slots * Slots + 63) / 64];

    public AsciiWordMap(bool ignoreCase, IEnumerable<(string Word, TValue Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _ignoreCase = ignoreCase;
        var list = entries.ToList();
        _buckets = new (string, TValue)[]?[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, list.Count * 2))];
        foreach (var (word, value) in list)
        {
            if (word.Length is 0 or > MaxLength || word[0] > 0x7F)
            {
                throw new ArgumentException($"'{word}' is not a short ASCII word.", nameof(entries));
            }

            var stored = ignoreCase ? word.ToLowerInvariant() : word;
            LongestWord = Math.Max(LongestWord, stored.Length);
            var bit = FilterBit(stored);
            _filter[bit >> 6] |= 1UL << bit;
            var key = Key(stored.Length, stored[0]);
            _buckets[key] = [.. _buckets[key] ?? [], (stored, value)];
        }
    }

    // The length of the longest stored word; longer spans are never keys.
    public int LongestWord { get; }

    // Every stored word (lower-cased when the map ignores case).
    public IEnumerable<string> Words => _buckets.Where(b => b is not null).SelectMany(b => b!).Select(e => e.Word);

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

        var bucket = _buckets[Key(word.Length, _ignoreCase ? LexChars.Lower(word[0]) : word[0])];
        if (bucket is null)
        {
            return false;
        }

        foreach (var (candidate, candidateValue) in bucket)
        {
            if (candidate.Length == word.Length && (_ignoreCase ? word.Equals(candidate, StringComparison.OrdinalIgnoreCase) : word.SequenceEqual(candidate)))
            {
                value = candidateValue;
                return true;
            }
        }

        return false;
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
