namespace ServerlessShield;

/// <summary>
/// A polyglot context breaker: several quote styles and a comment or CDATA terminator in a row
/// (<c>"'`--&gt;]]&gt;</c>, <c>"--&gt;'--&gt;`--&gt;</c>), written to escape whatever string, comment or section the value
/// lands in before the payload proper.
/// </summary>
internal static class ContextBreaker
{
    public static bool Any(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf("-->", StringComparison.Ordinal); at >= 0; at = Next(text, at))
        {
            if (text[(at + 3)..].StartsWith("]]>", StringComparison.Ordinal) || DistinctQuotesBefore(text, at) >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static int DistinctQuotesBefore(ReadOnlySpan<char> text, int at)
    {
        bool single = false, dbl = false, back = false;
        for (var i = Math.Max(0, at - 4); i < at; i++)
        {
            single |= text[i] == '\'';
            dbl |= text[i] == '"';
            back |= text[i] == '`';
        }

        return (single ? 1 : 0) + (dbl ? 1 : 0) + (back ? 1 : 0);
    }

    private static int Next(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 3)..].IndexOf("-->", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 3 + next;
    }
}
