namespace ServerlessShield;

/// <summary>
/// A fixed set of ASCII words looked up case-insensitively from a span without allocating: the words are kept
/// lower-cased and sorted, and a lookup is a binary search.
/// </summary>
internal sealed class SortedWordSet
{
    private const int MaxBucketedLength = 48;

    private readonly string[] _words;

    // Words by (length, first letter): a lookup compares against the one or two candidates that can match.
    private readonly string[]?[] _buckets = new string[]?[(MaxBucketedLength + 1) * 128];

    public SortedWordSet(params string[] words)
    {
        _words = [.. words.Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (_words.Any(w => !System.Text.Ascii.IsValid(w)))
        {
            throw new ArgumentException("Only ASCII words are supported.", nameof(words));
        }

        MaxLength = _words.Length == 0 ? 0 : _words.Max(w => w.Length);
        foreach (var word in _words.Where(w => w.Length is > 0 and <= MaxBucketedLength))
        {
            var key = Key(word.Length, word[0]);
            _buckets[key] = [.. _buckets[key] ?? [], word];
        }
    }

    /// <summary>The length of the longest word; longer spans are never members.</summary>
    public int MaxLength { get; }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            // The words are ASCII, and the only character outside ASCII that lower-cases into it is the Kelvin sign.
            var c = word[i];
            if (c > 0x7F && c != '\u212A')
            {
                return false;
            }

            lower[i] = LexChars.FoldForAscii(c);
        }

        if (word.Length <= MaxBucketedLength)
        {
            foreach (var candidate in _buckets[Key(lower.Length, lower[0])] ?? [])
            {
                if (lower.SequenceEqual(candidate))
                {
                    return true;
                }
            }

            return false;
        }

        int lo = 0, hi = _words.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = MemoryExtensions.SequenceCompareTo(_words[mid].AsSpan(), lower);
            if (cmp == 0)
            {
                return true;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    private static int Key(int length, char first) => (length * 128) + (first & 0x7F);

    /// <summary>Whether some word of the set ends <paramref name="text"/> (the text is a dotted or dashed name).</summary>
    public bool ContainsSuffixOf(ReadOnlySpan<char> text)
    {
        foreach (var word in _words)
        {
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
