namespace ServerlessShield;

/// <summary>
/// Where a value inside the value starts: the right side of a query or form parameter (<c>?cmd=id</c>,
/// <c>a=1&amp;cmd=id</c>), of a markup attribute (<c>&lt;a probe="id"&gt;</c>), or of a key at the very start. An
/// equals sign inside a sentence ("add alias ll='ls -la' to your profile") is not one. Also tells whether a value
/// reads as prose, where a bare command word between separators is just a word.
/// </summary>
internal static class ParameterValue
{
    private const int MinProseWords = 6;

    /// <summary>Whether the '=' at <paramref name="equals"/> ends a parameter or attribute name.</summary>
    public static bool StartsAt(ReadOnlySpan<char> text, int equals)
    {
        var key = equals;
        while (key > 0 && equals - key < 64 && (char.IsAsciiLetterOrDigit(text[key - 1]) || text[key - 1] is '_' or '-' or '.' or '[' or ']' or ':'))
        {
            key--;
        }

        if (key == equals)
        {
            return false;
        }

        if (key == 0 || text[key - 1] is '&' or '?' or ';' or ',' or '{' or '|')
        {
            return true;
        }

        if (text[key - 1] is not (' ' or '\t' or '\n'))
        {
            return false;
        }

        // An attribute: inside a tag that is still open, opened at most 511 characters back (the search stops there, so
        // a value of many "x= x= ..." stays linear).
        var from = Math.Max(0, key - 511);
        var lt = text[from..key].LastIndexOf('<');
        return lt >= 0 && text[(from + lt)..key].IndexOf('>') < 0;
    }

    /// <summary>Whether the value has the words of a sentence: blank-separated tokens made of letters only.</summary>
    public static bool ReadsAsProse(ReadOnlySpan<char> text)
    {
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var token = text[start..i].TrimEnd(",.;:!?)").TrimStart("(\"'");
            if (token.Length >= 2 && IsLetters(token) && ++words >= MinProseWords)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetters(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsLetter(c) && c != '\'')
            {
                return false;
            }
        }

        return true;
    }
}
