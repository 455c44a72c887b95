namespace ServerlessShield;

/// <summary>
/// Finds the URL authorities in a value and hands every host a client might connect to to a callback. Parsers
/// disagree on where userinfo ends and the host starts (<c>http://a:80\@b/</c>, <c>http://a &amp;@b# @c/</c>),
/// so every piece between the delimiters they disagree on is offered, as is the authority with backslashes removed.
/// </summary>
internal static class UrlAuthorityFinder
{
    private const int MaxSchemeLength = 32;
    private const int MaxAuthorityLength = 512;

    // Schemes whose URLs are accepted without the // as well (http:127.0.0.1, http:/2852039166, file:/etc/passwd).
    private static readonly SortedWordSet SlashlessSchemes = SortedWordSet.Parse(
        "http https ftp gopher dict ldap ldaps file tftp sftp ssh telnet smb ws wss");

    // Schemes whose authority names a bucket or container, not a network host: s3://my-bucket/key is no intranet name.
    private static readonly SortedWordSet ObjectStoreSchemes = SortedWordSet.Parse(
        "s3 s3a s3n gs az abfs abfss wasb wasbs adl oss cos");

    /// <summary>Scheme-relative and scheme-less authorities are only recognised at the start of the value.</summary>
    public delegate bool HostCheck(ReadOnlySpan<char> scheme, ReadOnlySpan<char> candidate, bool singleLabelIsInternal);

    public static bool Any(ReadOnlySpan<char> value, HostCheck check)
    {
        for (var colon = value.IndexOf(':'); colon >= 0; colon = NextColon(value, colon))
        {
            var schemeStart = colon;
            while (schemeStart > 0 && colon - schemeStart < MaxSchemeLength && IsSchemeChar(value[schemeStart - 1]))
            {
                schemeStart--;
            }

            // The scheme starts with a letter; skip leading digits or dots of a longer token.
            while (schemeStart < colon && !char.IsAsciiLetter(value[schemeStart]))
            {
                schemeStart++;
            }

            if (schemeStart == colon)
            {
                continue;
            }

            var scheme = value[schemeStart..colon];
            var after = colon + 1;
            var slashes = 0;
            while (after < value.Length && value[after] is '/' or '\\' && slashes < 8)
            {
                after++;
                slashes++;
            }

            // Without slashes only a few schemes still make a URL, and only written tight: "File: invoice.pdf" is a
            // label, not file:/etc/passwd.
            if (slashes < 2 && (!SlashlessSchemes.Contains(scheme) || (slashes == 0 && (after == value.Length || LexChars.IsSpace(value[after])))))
            {
                continue;
            }

            if (CheckAuthority(value[after..], scheme, check))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Offers every host candidate of the authority that starts <paramref name="rest"/>.</summary>
    public static bool CheckAuthority(ReadOnlySpan<char> rest, ReadOnlySpan<char> scheme, HostCheck check)
    {
        var end = 0;
        while (end < rest.Length && end < MaxAuthorityLength && !EndsAuthority(rest[end]))
        {
            end++;
        }

        var authority = rest[..end];
        var names = !ObjectStoreSchemes.Contains(scheme);
        var start = 0;
        for (var i = 0; i <= authority.Length; i++)
        {
            if (i == authority.Length || authority[i] is '@' or '\\' or ' ' or '\t' or '#' or '&' or ';' or ',')
            {
                // A piece ended by '@' is userinfo ("user:pw@host"): an address there is a trick, a bare word a user name.
                var userinfo = i < authority.Length && authority[i] == '@';
                if (i > start && check(scheme, authority[start..i], names && !userinfo))
                {
                    return true;
                }

                start = i + 1;
            }
        }

        // http://\l\o\c\a\l\h\o\s\t/: some parsers drop the backslashes.
        if (authority.Contains('\\'))
        {
            Span<char> joined = stackalloc char[authority.Length];
            var length = 0;
            foreach (var c in authority)
            {
                if (c != '\\')
                {
                    joined[length++] = c;
                }
            }

            var host = joined[..length];
            var at = host.LastIndexOf('@');
            return check(scheme, at >= 0 ? host[(at + 1)..] : host, names);
        }

        return false;
    }

    private static int NextColon(ReadOnlySpan<char> value, int colon)
    {
        var next = value[(colon + 1)..].IndexOf(':');
        return next < 0 ? -1 : colon + 1 + next;
    }

    private static bool IsSchemeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_';

    private static bool EndsAuthority(char c) =>
        c is '/' or '?' or '\r' or '\n' or '"' or '\'' or '<' or '>' or '`' or '(' or ')' or '{' or '}' or '|' or '^' or '*';
}
