namespace ServerlessShield;

/// <summary>
/// Recognises the start of a forged HTTP or mail header line: <c>Name: value</c> where the name is a header that
/// changes how a response or message is handled, any <c>X-</c> header, or a hyphenated header-shaped name
/// (<c>Remote-Addr</c>). Plain one-word labels (<c>Phone:</c>, <c>Note:</c>) are what multi-line prose uses, so they
/// only count when the writer also used a bare carriage return, which no text editor produces.
/// </summary>
internal static class ForgedHeaderLine
{
    private const int MaxNameLength = 64;

    private static readonly SortedWordSet KnownHeaders = SortedWordSet.Parse(
        "set-cookie set-cookie2 cookie location refresh content-type content-length content-disposition " +
        "content-encoding content-security-policy content-location transfer-encoding connection host cache-control " +
        "pragma expires last-modified etag authorization proxy-authorization www-authenticate user-agent " +
        "referer origin accept accept-encoding accept-language link server vary upgrade keep-alive " +
        "via forwarded range trailer te age allow strict-transport-security access-control-allow-origin " +
        "access-control-allow-credentials access-control-allow-headers access-control-allow-methods " +
        "bcc cc reply-to return-path mime-version content-transfer-encoding");

    /// <summary>Whether a header line starts at <paramref name="line"/>.</summary>
    /// <param name="line">The text right after a line break.</param>
    /// <param name="anyName">Accept any token as the header name (the break was a bare carriage return).</param>
    public static bool StartsHeader(ReadOnlySpan<char> line, bool anyName)
    {
        // Nested encodings can leave a few hex digits or percent signs between the break and the name (%%0a0a).
        for (var skip = 0; skip <= 3 && skip < line.Length; skip++)
        {
            if (skip > 0 && !(char.IsAsciiHexDigit(line[skip - 1]) || line[skip - 1] == '%'))
            {
                break;
            }

            if (StartsHeaderAt(line[skip..], anyName && skip == 0, strictName: skip > 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsHeaderAt(ReadOnlySpan<char> line, bool anyName, bool strictName)
    {
        var end = 0;
        while (end < line.Length && end <= MaxNameLength && IsTokenChar(line[end]))
        {
            end++;
        }

        if (end == 0 || end > MaxNameLength)
        {
            return false;
        }

        var name = line[..end];

        // Some servers accept stray whitespace before the colon; the name must still end at one.
        var colon = end;
        while (colon < line.Length && line[colon] is ' ' or '\t' or '\r')
        {
            colon++;
        }

        if (colon >= line.Length)
        {
            return false;
        }

        // After a bare CR even name=value counts: it forges a cookie or parameter line.
        if (line[colon] == '=' && colon == end)
        {
            return anyName && char.IsAsciiLetter(name[0]);
        }

        if (line[colon] != ':')
        {
            return false;
        }

        if (KnownHeaders.Contains(name) || IsCustomHeaderName(name))
        {
            return true;
        }

        return !strictName && anyName && char.IsAsciiLetter(name[0]);
    }

    // X-Anything, or two or more hyphen-joined words of two letters or more (Remote-Addr, Api-Key): header-shaped.
    private static bool IsCustomHeaderName(ReadOnlySpan<char> name)
    {
        if (name.Length > 2 && (name[0] | 0x20) == 'x' && name[1] == '-')
        {
            return true;
        }

        var words = 0;
        var run = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c))
            {
                run++;
                continue;
            }

            if (c != '-' || run < 2)
            {
                return false;
            }

            words++;
            run = 0;
        }

        // Bill-to:, Check-in:, Follow-up: are labels of everyday multi-line text; header names do not end in a particle.
        return words >= 1 && run >= 2 && !EndsWithParticle(name);
    }

    private static bool EndsWithParticle(ReadOnlySpan<char> name)
    {
        var last = name[(name.LastIndexOf('-') + 1)..];
        foreach (var particle in (ReadOnlySpan<string>)["to", "in", "out", "up", "off", "on", "by", "of", "at", "for", "from", "with", "ons", "ins", "ups", "outs", "offs"])
        {
            if (last.Equals(particle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '^' or '`' or '|' or '~';
}
