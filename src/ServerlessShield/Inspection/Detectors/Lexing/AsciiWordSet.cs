namespace ServerlessShield;

// A small immutable set of ASCII words looked up by span without allocating (FrozenSet's span lookup needs
// .NET 9, the library also targets .NET 8). Words are bucketed by length and first letter; buckets are tiny.
internal sealed class AsciiWordSet
{
    private const int MaxLength = 40;

    private readonly string[]?[] _buckets = new string[]?[(MaxLength + 1) * 128];
    private readonly bool _ignoreCase;

    public AsciiWordSet(bool ignoreCase, params string[] words)
    {
        _ignoreCase = ignoreCase;
        foreach (var word in words)
        {
            if (word.Length is 0 or > MaxLength || word[0] > 0x7F)
            {
                throw new ArgumentException($"'{word}' is not a short ASCII word.", nameof(words));
            }

            var stored = ignoreCase ? word.ToLowerInvariant() : word;
            var key = Key(stored.Length, stored[0]);
            _buckets[key] = [.. _buckets[key] ?? [], stored];
        }
    }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > MaxLength || word[0] > 0x7F)
        {
            return false;
        }

        var bucket = _buckets[Key(word.Length, _ignoreCase ? LexChars.Lower(word[0]) : word[0])];
        if (bucket is null)
        {
            return false;
        }

        foreach (var candidate in bucket)
        {
            if (_ignoreCase ? word.Equals(candidate, StringComparison.OrdinalIgnoreCase) : word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static int Key(int length, char first) => (length * 128) + (first & 0x7F);
}
