using System.Buffers;

namespace ServerlessShield;

// Finds the occurrences of a fixed set of markers (code idioms, URL wrappers) with one vectorized search for their
// anchor characters instead of one substring search per marker: every marker holds an anchor character ('(', '=',
// ':'...), which is case-free and rare in ordinary text, so a value without anchors is answered by that one search
// and each anchor found is checked against the few markers that hold it. Text dense in anchors (code, punctuation) is
// searched for the markers themselves once a few anchors have been judged, where that search is vectorized.
internal sealed class MarkerSet
{
    // Anchors judged one by one before the search switches to the markers themselves.
    private const int DenseAnchors = 8;

    private readonly SearchValues<char> _anchors;
    private readonly (string Marker, int Offset)[][] _byAnchor = new (string, int)[128][];
    private readonly StringComparison _comparison;
    private readonly string[] _markers;
    private readonly SubstringFinder _finder;
    private readonly int _maxOffset;

    // Per anchor, the ASCII characters some marker has right before it (both cases when the set ignores case), and
    // whether a marker starts with it: an anchor after any other character is turned away without a loop.
    private readonly UInt128[] _before = new UInt128[128];
    private readonly bool[] _startsMarker = new bool[128];

    public MarkerSet(string anchors, StringComparison comparison, params string[] markers)
    {
        _anchors = SearchValues.Create(anchors);
        _comparison = comparison;
        _markers = markers;
        _finder = new SubstringFinder(comparison, markers);
        var byAnchor = new List<(string, int)>?[128];
        foreach (var marker in markers)
        {
            var offset = marker.AsSpan().IndexOfAny(_anchors);
            if (offset < 0 || HasBorder(marker))
            {
                // A border (a prefix that is also a suffix) would let occurrences overlap, which substring searches
                // that resume after each match do not see; the markers are chosen not to need that.
                throw new ArgumentException($"Marker '{marker}' needs an anchor character and no border.", nameof(markers));
            }

            (byAnchor[marker[offset]] ??= []).Add((marker, offset));
            _maxOffset = Math.Max(_maxOffset, offset);
            if (offset == 0)
            {
                _startsMarker[marker[0]] = true;
            }
            else
            {
                var before = marker[offset - 1];
                _before[marker[offset]] |= UInt128.One << before;
                if (comparison == StringComparison.OrdinalIgnoreCase && char.IsAsciiLetter(before))
                {
                    _before[marker[offset]] |= (UInt128.One << char.ToLowerInvariant(before)) | (UInt128.One << char.ToUpperInvariant(before));
                }
            }
        }

        for (var c = 0; c < byAnchor.Length; c++)
        {
            _byAnchor[c] = byAnchor[c]?.ToArray() ?? [];
        }
    }

    // Judges one occurrence: the text, the marker, and where it starts.
    public delegate bool Accept(ReadOnlySpan<char> text, string marker, int start);

    // Whether some marker occurs in text.
    public bool ContainsAny(ReadOnlySpan<char> text) => Any(text, static (_, _, _) => true);

    // Whether some occurrence of a marker in text is accepted.
    public bool Any(ReadOnlySpan<char> text, Accept accept)
    {
        var from = 0;
        var judged = 0;
        while (from < text.Length)
        {
            if (judged == DenseAnchors && _finder.IsVectorized)
            {
                // Markers whose anchor was already judged may be judged again: the answer is the same.
                return AnyStartingFrom(text, Math.Max(0, from - 1 - _maxOffset), accept);
            }

            var found = text[from..].IndexOfAny(_anchors);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            from = at + 1;
            judged++;
            if (!_startsMarker[text[at]] && (at == 0 || !MayPrecede(text[at], text[at - 1])))
            {
                continue;
            }

            foreach (var (marker, offset) in _byAnchor[text[at]])
            {
                // The characters around the anchor first: most anchors in text (a dot, a colon, a parenthesis) are
                // in no marker, and one or two comparisons turn them away before a substring comparison.
                var start = at - offset;
                if (start >= 0 && text.Length - start >= marker.Length
                    && (offset == 0 || SameChar(text[at - 1], marker[offset - 1]))
                    && (offset + 1 == marker.Length || SameChar(text[at + 1], marker[offset + 1]))
                    && text[start..].StartsWith(marker, _comparison) && accept(text, marker, start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Every occurrence of a marker that starts at or after `from`, found by the markers themselves.
    private bool AnyStartingFrom(ReadOnlySpan<char> text, int from, Accept accept)
    {
        var starts = _finder.Over(text);
        for (var start = starts.IndexFrom(from); start >= 0; start = starts.IndexFrom(start + 1))
        {
            foreach (var marker in _markers)
            {
                if (text[start..].StartsWith(marker, _comparison) && accept(text, marker, start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Outside ASCII only a case-insensitive set can match ('ı' is 'I' to it): those take the full comparison.
    private bool MayPrecede(char anchor, char before) =>
        before < 128 ? ((_before[anchor] >> before) & UInt128.One) != UInt128.Zero : _comparison == StringComparison.OrdinalIgnoreCase;

    // One character under the set's comparison (OrdinalIgnoreCase compares upper-case invariant forms: 'ı' is 'i').
    private bool SameChar(char a, char b) =>
        a == b || (_comparison == StringComparison.OrdinalIgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    private static bool HasBorder(string marker)
    {
        for (var length = 1; length < marker.Length; length++)
        {
            if (marker.AsSpan(0, length).SequenceEqual(marker.AsSpan(marker.Length - length)))
            {
                return true;
            }
        }

        return false;
    }
}
