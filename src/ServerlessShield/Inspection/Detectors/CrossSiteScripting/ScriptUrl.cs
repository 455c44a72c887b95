namespace ServerlessShield;

/// <summary>
/// URL schemes that run script when followed (<c>javascript:</c>, <c>vbscript:</c>, <c>livescript:</c>,
/// <c>mocha:</c>) or load active documents (<c>data:text/html</c>, <c>data:image/svg+xml</c>, XHTML and XML data).
/// Browsers drop tabs, line breaks and other control characters inside a scheme, so those may split it
/// (<c>jav&amp;#x09;ascript:</c>). The text is already lower-cased.
/// </summary>
internal static class ScriptUrl
{
    private static readonly string[] ScriptSchemes = ["javascript", "vbscript", "livescript", "mocha", "ecmascript"];

    private static readonly string[] ActiveDataTypes = ["data:text/html", "data:image/svg", "data:application/xhtml", "data:text/xml", "data:application/xml", "data:text/javascript", "data:application/javascript"];

    /// <summary>Whether a script URL starts at <paramref name="i"/>; <paramref name="end"/> is the index after its colon.</summary>
    public static bool StartsAt(ReadOnlySpan<char> text, int i, out int end)
    {
        end = i;
        foreach (var scheme in ScriptSchemes)
        {
            if (text[i] == scheme[0] && MatchLoosely(text, i, scheme, out var after))
            {
                while (after < text.Length && IsIgnorable(text[after]))
                {
                    after++;
                }

                if (after < text.Length && text[after] == ':')
                {
                    end = after + 1;
                    return true;
                }
            }
        }

        if (text[i] == 'd')
        {
            foreach (var type in ActiveDataTypes)
            {
                if (text[i..].StartsWith(type, StringComparison.Ordinal))
                {
                    end = i + type.Length;
                    return true;
                }
            }

            // data:,<x> with the media type left out: a data URL whose payload is markup.
            if (text[i..].StartsWith("data:", StringComparison.Ordinal))
            {
                var k = i + 5;
                while (k < text.Length && k - i < 12 && text[k] == ' ')
                {
                    k++;
                }

                if (k < text.Length && text[k] == ',')
                {
                    k++;
                    while (k < text.Length && k - i < 16 && text[k] == ' ')
                    {
                        k++;
                    }

                    if (k + 1 < text.Length && text[k] == '<' && char.IsAsciiLetter(text[k + 1]))
                    {
                        end = k;
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some colon of <paramref name="text"/> can end a scheme above: every one ends in 't' (javascript,
    /// vbscript, livescript, ecmascript) or 'a' (mocha, data), possibly followed by ignorable characters. A necessary
    /// condition for <see cref="StartsAt"/> anywhere in the text.
    /// </summary>
    public static bool MayEndAScheme(ReadOnlySpan<char> text)
    {
        for (var colon = text.IndexOf(':'); colon >= 0;)
        {
            var k = colon - 1;
            while (k >= 0 && IsIgnorable(text[k]))
            {
                k--;
            }

            if (k >= 0 && text[k] is 't' or 'a')
            {
                return true;
            }

            var next = text[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }

        return false;
    }

    /// <summary>Whether any script URL starts in <paramref name="text"/> at a position not inside a word.</summary>
    public static bool Anywhere(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is 'j' or 'v' or 'l' or 'm' or 'e' or 'd' && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])) && StartsAt(text, i, out _))
            {
                return true;
            }
        }

        return false;
    }

    // Tabs, line breaks and other C0/C1 controls inside a scheme are removed by URL parsers.
    public static bool IsIgnorable(char c) => c < ' ' || c is >= '\u007F' and <= '\u009F';

    private static bool MatchLoosely(ReadOnlySpan<char> text, int i, string word, out int after)
    {
        var k = 0;
        var j = i;
        while (j < text.Length && k < word.Length && j - i < word.Length * 3)
        {
            if (text[j] == word[k])
            {
                k++;
                j++;
            }
            else if (k > 0 && IsIgnorable(text[j]))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        after = j;
        return k == word.Length;
    }
}
