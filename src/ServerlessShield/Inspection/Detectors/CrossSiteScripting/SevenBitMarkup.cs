namespace ServerlessShield;

/// <summary>
/// Markup spelled for a 7-bit channel: '¼' and '¾' (0xBC, 0xBE) lose their high bit and become '&lt;' and '&gt;', so
/// <c>¼script¾</c> is a tag to a server that strips it. A tag-shaped run (¼, a name, ¾, with no blanks) is the
/// evasion itself, whatever the name. NFKC spells the two characters "1⁄4" and "3⁄4", which count too.
/// </summary>
internal static class SevenBitMarkup
{
    private const int MaxName = 32;

    public static bool Matches(ReadOnlySpan<char> value)
    {
        // Every opening form starts with ¼ or holds the fraction slash.
        if (DetectorShortcuts.Enabled && value.IndexOfAny('\u00BC', '\u2044') < 0)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var open = OpenLength(value, i);
            if (open == 0)
            {
                continue;
            }

            var k = i + open;
            if (k < value.Length && value[k] == '/')
            {
                k++;
            }

            var nameStart = k;
            while (k < value.Length && k - nameStart < MaxName && char.IsAsciiLetter(value[k]))
            {
                k++;
            }

            if (k > nameStart && CloseLength(value, k) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int OpenLength(ReadOnlySpan<char> value, int i) =>
        value[i] == '\u00BC' ? 1 : value[i..].StartsWith("1\u20444", StringComparison.Ordinal) ? 3 : 0;

    private static int CloseLength(ReadOnlySpan<char> value, int i) =>
        i >= value.Length ? 0 : value[i] == '\u00BE' ? 1 : value[i..].StartsWith("3\u20444", StringComparison.Ordinal) ? 3 : 0;
}
