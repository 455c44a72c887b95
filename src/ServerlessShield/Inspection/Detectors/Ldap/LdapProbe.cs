namespace ServerlessShield;

// A short value made only of filter and path metacharacters ("*", "*)(&", "|", "!", "(", "//*", "@*") carries no
// data: it is either the bare-wildcard bypass of an LDAP bind or search ((uid=*) matches everyone) or a syntax
// probe sent to see whether the filter or XPath expression breaks. "name*" is the same wildcard with a prefix.
// Left alone: quotes, dots, dashes and backslashes on their own (they show up in ordinary text), the media range
// "*/*" that every HTTP Accept header carries, and "/*", the path glob of CloudFront invalidations, IAM resources and
// routes.
internal static class LdapProbe
{
    private const int MaxProbeLength = 16;

    public static bool IsProbe(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        return IsMetacharacterRun(value) || IsPrefixWildcard(value);
    }

    private static bool IsMetacharacterRun(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxProbeLength || value.SequenceEqual("*/*") || value.SequenceEqual("/*"))
        {
            return false;
        }

        // A quote may trail a probe that also tests string quoting ("*()|&'"), but only next to parentheses.
        var hasParenthesis = value.IndexOfAny('(', ')') >= 0;
        foreach (var c in value)
        {
            if (c is '*' or '(' or ')' or '&' or '|' or '!' or '=' or '/' or '@' or '\0')
            {
                continue;
            }

            if (c is '\'' or '"' && hasParenthesis)
            {
                continue;
            }

            return false;
        }

        return true;
    }

    // "admin*": one name with a trailing wildcard, what a login form sends to match any account with that prefix. The
    // name is spelled as names are: a generated password or key that happens to end in '*' ("tsDYCf3Zkn3L*") is not.
    private static bool IsPrefixWildcard(ReadOnlySpan<char> value)
    {
        var stars = value.Length - value.TrimEnd('*').Length;
        if (stars == 0 || stars == value.Length)
        {
            return false;
        }

        var name = value[..^stars];
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && char.IsAsciiLetterOrDigit(name[i]))
            {
                continue;
            }

            if (i < name.Length && name[i] is not ('.' or '_' or '-' or '@') || !IsNamePart(name[start..i]))
            {
                return false;
            }

            start = i + 1;
        }

        return true;
    }

    // Letters in one case, or capitalized, then digits if any: "admin", "Smith", "ADM", "user01".
    private static bool IsNamePart(ReadOnlySpan<char> part)
    {
        var letters = part.TrimEnd("0123456789");
        return !letters.ContainsAnyInRange('0', '9') && LexChars.IsWordCased(letters);
    }
}
