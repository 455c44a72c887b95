using System.Buffers;
using System.Collections;
using System.Runtime.CompilerServices;

namespace ServerlessShield;

// Finds where any of a fixed set of strings (two characters or longer) occurs. Where code is compiled at run time on
// .NET 9 or later, that is one vectorized multi-substring search (SearchValues<string>), whose cost does not grow with
// how often the strings' first letters occur: a loop over first letters costs 1.5-2 ns a character on prose and on
// punctuation-dense text alike. Native AOT, and .NET 8, find the first letters instead and compare there, after a
// check of the first two characters: SearchValues<string> would add 130 KB to a native binary.
internal sealed class SubstringFinder
{
    private readonly string[] _strings;
    private readonly StringComparison _comparison;
    private readonly SearchValues<char> _initials;

    // Bit (first * 128 + second) is set when some string starts with those two ASCII characters; a string starting
    // outside ASCII is always compared.
    private readonly BitArray _pairs = new(128 * 128);
    private readonly bool _compareOutsideAscii;

#if NET9_0_OR_GREATER
    // Built on first use: its construction compiles a good deal of framework code, which a function whose first
    // events never need it should not pay for at cold start.
    private readonly bool _vectorized;
    private SearchValues<string>? _search;
#endif

    public SubstringFinder(StringComparison comparison, params string[] strings)
        : this(comparison, vectorized: true, strings)
    {
    }

    // vectorized: false keeps to the first-letter search everywhere (tests compare both).
    internal SubstringFinder(StringComparison comparison, bool vectorized, params string[] strings)
    {
        if (strings.Any(s => s.Length < 2))
        {
            throw new ArgumentException("Strings of two characters or more are expected.", nameof(strings));
        }

        _strings = strings;
        _comparison = comparison;
        var initials = new HashSet<char>();
        foreach (var s in strings)
        {
            foreach (var first in Cases(s[0]))
            {
                initials.Add(first);
                foreach (var second in Cases(s[1]))
                {
                    if (first < 128 && second < 128)
                    {
                        _pairs[(first * 128) + second] = true;
                    }
                    else
                    {
                        _compareOutsideAscii = true;
                    }
                }
            }
        }

        _initials = SearchValues.Create([.. initials]);
#if NET9_0_OR_GREATER
        _vectorized = vectorized;
#endif
    }

    // The first index at or after `from` where one of the strings starts, or -1.
    public int IndexFrom(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

#if NET9_0_OR_GREATER
        if (RuntimeFeature.IsDynamicCodeCompiled && _vectorized)
        {
            // Two threads may both build it; either result is the same search.
            var search = _search ??= SearchValues.Create(_strings, _comparison);
            var found = text[from..].IndexOfAny(search);
            return found < 0 ? -1 : from + found;
        }
#endif

        for (var i = LexChars.IndexOfAnyFrom(text, from, _initials); i >= 0; i = LexChars.IndexOfAnyFrom(text, i + 1, _initials))
        {
            if (i + 1 >= text.Length || !MayStartAt(text[i], text[i + 1]))
            {
                continue;
            }

            foreach (var s in _strings)
            {
                if (text[i..].StartsWith(s, _comparison))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private bool MayStartAt(char first, char second) =>
        first < 128 && second < 128 ? _pairs[(first * 128) + second] : _compareOutsideAscii;

    // The characters that compare equal to c under the finder's comparison. OrdinalIgnoreCase never equates a
    // character outside ASCII with an ASCII letter, so an ASCII letter has its two cases; a character outside ASCII
    // (only in tests) has every character of the same upper case, found by trying them all.
    private List<char> Cases(char c)
    {
        if (_comparison != StringComparison.OrdinalIgnoreCase)
        {
            return [c];
        }

        if (c < 128)
        {
            return char.IsAsciiLetter(c) ? [char.ToLowerInvariant(c), char.ToUpperInvariant(c)] : [c];
        }

        var cases = new List<char>();
        for (var other = (int)char.MinValue; other <= char.MaxValue; other++)
        {
            if (string.Equals(((char)other).ToString(), c.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                cases.Add((char)other);
            }
        }

        return cases;
    }
}
