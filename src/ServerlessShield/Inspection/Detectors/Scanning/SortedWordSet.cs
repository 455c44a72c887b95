using System.Numerics;

namespace ServerlessShield;

/// <summary>
/// A fixed set of ASCII words looked up case-insensitively from a span without allocating: the words are kept
/// lower-cased and sorted (for suffix checks), and hashed by length and first letter for lookups.
/// </summary>
internal sealed class SortedWordSet
{
    private readonly string[] _words;

    // Words hashed by length and first letter into twice as many buckets as words: a lookup compares against the one
    // or two candidates that can match, and the table costs a few references per word.
    private readonly string[]?[] _buckets;

    public SortedWordSet(params string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);

        // Lower-cased, sorted and distinct, with plain loops: these sets are built at startup, where LINQ would cost
        // a JIT compilation per operator.
        var lowered = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            lowered[i] = words[i].ToLowerInvariant();
            if (!System.Text.Ascii.IsValid(lowered[i]))
            {
                throw new ArgumentException("Only ASCII words are supported.", nameof(words));
            }
        }

        Array.Sort(lowered, StringComparer.Ordinal);
        var count = 0;
        foreach (var word in lowered)
        {
            if (count == 0 || !string.Equals(lowered[count - 1], word, StringComparison.Ordinal))
            {
                lowered[count++] = word;
            }
        }

        Array.Resize(ref lowered, count);
        _words = lowered;
        _buckets = new string[]?[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, _words.Length * 2))];
        foreach (var word in _words)
        {
            MaxLength = Math.Max(MaxLength, word.Length);
            if (word.Length == 0)
            {
                continue;
            }

            var key = Key(word.Length, word[0]);
            var bucket = _buckets[key] ?? [];
            Array.Resize(ref bucket, bucket.Length + 1);
            bucket[^1] = word;
            _buckets[key] = bucket;
        }
    }

    /// <summary>A set of the whitespace-separated words of <paramref name="words"/>.</summary>
    /// <remarks>Word lists are written as one string: a string constant costs no code in a Native AOT binary, where an
    /// array initializer costs a store instruction per word.</remarks>
    public static SortedWordSet Parse(string words) => new(words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The length of the longest word; longer spans are never members.</summary>
    public int MaxLength { get; }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return false;
        }

        foreach (var candidate in _buckets[Key(word.Length, LexChars.FoldForAscii(word[0]))] ?? [])
        {
            if (candidate.Length == word.Length && EqualsFolded(word, candidate))
            {
                return true;
            }
        }

        return false;
    }

    // The words are ASCII and lower-cased; the only character outside ASCII that lower-cases into ASCII is the Kelvin
    // sign (FoldForAscii), any other stays outside ASCII and so never matches.
    private static bool EqualsFolded(ReadOnlySpan<char> word, string candidate)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (LexChars.FoldForAscii(word[i]) != candidate[i])
            {
                return false;
            }
        }

        return true;
    }

    private int Key(int length, char first) => ((length * 131) ^ first) & (_buckets.Length - 1);

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
