using System.Buffers;

namespace ServerlessShield;

// Finds where any of a fixed set of strings occurs. On .NET 9 and later that is one vectorized multi-substring
// search (SearchValues<string>), whose cost does not grow with how often the strings' first letters occur: a loop
// over the first letters costs 1.5-2 ns a character on prose and on punctuation-dense text alike. .NET 8 has no
// such search: there the first letters are found and the strings compared at each.
internal sealed class SubstringFinder
{
#if NET9_0_OR_GREATER
    private readonly SearchValues<string> _strings;
#else
    private readonly string[] _strings;
    private readonly SearchValues<char> _initials;
    private readonly StringComparison _comparison;
#endif

    public SubstringFinder(StringComparison comparison, params string[] strings)
    {
#if NET9_0_OR_GREATER
        _strings = SearchValues.Create(strings, comparison);
#else
        _strings = strings;
        _comparison = comparison;
        var initials = strings.Select(s => s[0]);
        if (comparison == StringComparison.OrdinalIgnoreCase)
        {
            initials = initials.SelectMany(c => new[] { char.ToLowerInvariant(c), char.ToUpperInvariant(c) });
        }

        _initials = SearchValues.Create([.. initials.Distinct()]);
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
        var found = text[from..].IndexOfAny(_strings);
        return found < 0 ? -1 : from + found;
#else
        for (var i = LexChars.IndexOfAnyFrom(text, from, _initials); i >= 0; i = LexChars.IndexOfAnyFrom(text, i + 1, _initials))
        {
            foreach (var s in _strings)
            {
                if (text[i..].StartsWith(s, _comparison))
                {
                    return i;
                }
            }
        }

        return -1;
#endif
    }
}
