using System.Numerics;

namespace ServerlessShield;

// A small immutable map from ASCII words to values, looked up by span without allocating (FrozenDictionary's span
// lookup needs .NET 9, the library also targets .NET 8). Entries are hashed by length and first letter into twice as
// many buckets as entries.
internal sealed class AsciiWordMap<TValue>
{
    private const int MaxLength = 40;

    private readonly (string Word, TValue Value)[]?[] _buckets;
    private readonly bool _ignoreCase;

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
            var key = Key(stored.Length, stored[0]);
            _buckets[key] = [.. _buckets[key] ?? [], (stored, value)];
        }
    }

    // Every stored word (lower-cased when the map ignores case).
    public IEnumerable<string> Words => _buckets.Where(b => b is not null).SelectMany(b => b!).Select(e => e.Word);

    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        value = default!;
        if (word.Length is 0 or > MaxLength || word[0] > 0x7F)
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

    private int Key(int length, char first) => ((length * 131) ^ (first & 0x7F)) & (_buckets.Length - 1);
}
