namespace ServerlessShield;

// A value that is nothing but a database function call left open or empty ("hex(", "current_user(", "version()"):
// scanners send these to see whether the name reaches the query. Ordinary text does not end in "name(".
internal static class SqlProbe
{
    // SQL Server leaves statements mentioning sp_password out of its trace log; injections append it in a comment.
    public static bool MentionsLogHiding(ReadOnlySpan<char> value) =>
        value.IndexOf("sp_password", StringComparison.OrdinalIgnoreCase) >= 0;

    public static bool IsDanglingCall(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length is 0 or > 48)
        {
            return false;
        }

        var end = value.EndsWith("()", StringComparison.Ordinal) ? value.Length - 2 : value.EndsWith("(", StringComparison.Ordinal) ? value.Length - 1 : -1;
        if (end <= 0)
        {
            return false;
        }

        var name = value[..end].TrimEnd();
        foreach (var c in name)
        {
            if (!LexChars.IsWordChar(c))
            {
                return false;
            }
        }

        return SqlFunctions.Common.Contains(name) || SqlFunctions.Distinctive.Contains(name) || SqlFunctions.Delay.Contains(name);
    }

    // MySQL's executable comment with a version, /*!50000select*/ or /*!32302 AND */, or one that opens straight
    // onto a keyword (/*!union*/): only MySQL reads it, so only injections write it. JavaScript licence banners
    // ("/*! jQuery v3 ...") open onto a space and a name.
    public static bool HasExecutableComment(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf("/*!", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found + 3;
            var digits = at;
            while (digits < value.Length && char.IsAsciiDigit(value[digits]))
            {
                digits++;
            }

            if (digits - at == 5)
            {
                return true;
            }

            var wordStart = digits > at ? LexChars.SkipSpaces(value, digits) : at;
            var wordEnd = wordStart;
            while (wordEnd < value.Length && char.IsAsciiLetter(value[wordEnd]))
            {
                wordEnd++;
            }

            if (wordEnd > wordStart && SqlKeywords.Classify(value[wordStart..wordEnd]) != SqlWord.Identifier)
            {
                return true;
            }

            offset = at;
        }

        return false;
    }
}
