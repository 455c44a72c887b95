using System.Buffers;
using System.Runtime.CompilerServices;

namespace ServerlessShield;

// Finds where any of a fixed set of strings occurs, one occurrence after another (Cursor). Where code is compiled at
// run time on .NET 9 or later, that is one vectorized multi-substring search (SearchValues<string>), whose cost does
// not grow with how often the strings' first letters occur: a loop over first letters costs 1.5-2 ns a character on
// prose and on punctuation-dense text alike. Native AOT and .NET 8 search each string on its own and remember where
// each occurs next, so the text is read once per string: SearchValues<string> would add 128 KB to a native binary.
internal sealed class SubstringFinder
{
    // The most strings a finder holds (the cursor keeps one position per string on the stack).
    public const int MaxStrings = 32;

    private readonly string[] _strings;
    private readonly StringComparison _comparison;
    private readonly bool _vectorized;

#if NET9_0_OR_GREATER
    // Built on first use: its construction compiles a good deal of framework code, which a function whose first
    // events never need it should not pay for at cold start.
    private SearchValues<string>? _search;
#endif

    public SubstringFinder(StringComparison comparison, params string[] strings)
        : this(comparison, vectorized: true, strings)
    {
    }

    // vectorized: false keeps to the search per string everywhere (tests compare both).
    internal SubstringFinder(StringComparison comparison, bool vectorized, params string[] strings)
    {
        if (strings.Length is 0 or > MaxStrings || strings.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"One to {MaxStrings} non-empty strings are expected.", nameof(strings));
        }

        _strings = strings;
        _comparison = comparison;
        _vectorized = vectorized;
    }

    // Whether the search is the vectorized one.
    public bool IsVectorized => _vectorized && CanVectorize;

#if NET9_0_OR_GREATER
    private static bool CanVectorize => RuntimeFeature.IsDynamicCodeCompiled;
#else
    private static bool CanVectorize => false;
#endif

    // The first of the strings that starts at `at`, or null: which one a cursor found there.
    public string? FirstAt(ReadOnlySpan<char> text, int at)
    {
        foreach (var s in _strings)
        {
            if (text[at..].StartsWith(s, _comparison))
            {
                return s;
            }
        }

        return null;
    }

    // The occurrences in one text, in order.
    public Cursor Over(ReadOnlySpan<char> text) => new(text, this);

    public ref struct Cursor
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly SubstringFinder _finder;

        // Per string, where it next occurs at or after _from, stored plus two: 0 not searched yet, 1 nowhere.
        private Positions _next;
        private int _from;

        public Cursor(ReadOnlySpan<char> text, SubstringFinder finder)
        {
            _text = text;
            _finder = finder;
        }

        // The first index at or after `from` where one of the strings starts, or -1. Called with positions that do
        // not go back, the search per string reads the text once in all.
        public int IndexFrom(int from)
        {
            if (from >= _text.Length)
            {
                return -1;
            }

#if NET9_0_OR_GREATER
            // The feature check stands first in the condition, where the AOT compiler folds it and drops the branch.
            if (RuntimeFeature.IsDynamicCodeCompiled && _finder._vectorized)
            {
                // Two threads may both build it; either result is the same search.
                var search = _finder._search ??= SearchValues.Create(_finder._strings, _finder._comparison);
                var found = _text[from..].IndexOfAny(search);
                return found < 0 ? -1 : from + found;
            }
#endif

            if (from < _from)
            {
                _next = default;
            }

            _from = from;
            var first = -1;
            for (var k = 0; k < _finder._strings.Length; k++)
            {
                var stored = _next[k];
                if (stored == 0 || (stored >= 2 && stored - 2 < from))
                {
                    var found = _text[from..].IndexOf(_finder._strings[k], _finder._comparison);
                    stored = _next[k] = found < 0 ? 1 : from + found + 2;
                }

                if (stored >= 2 && (first < 0 || stored - 2 < first))
                {
                    first = stored - 2;
                }
            }

            return first;
        }
    }

    [InlineArray(MaxStrings)]
    private struct Positions
    {
        private int _element;
    }
}
