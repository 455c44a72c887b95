namespace ServerlessShield;

/// <summary>
/// Decides whether one host candidate, as written in a URL authority, points inside: an IPv6 literal in brackets,
/// an IPv4 address in any notation, or an internal name. The candidate may still carry a port, path or junk after
/// the host; only the leading host is read.
/// </summary>
internal static class UrlHostClassifier
{
    private const int MaxHostLength = 256;

    // ASCII letters, digits, '.', '-' and '_': what a host name is made of.
    private static readonly System.Buffers.SearchValues<char> AsciiHostChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    public static bool IsInternal(ReadOnlySpan<char> candidate, bool singleLabelIsInternal)
    {
        if (candidate.IsEmpty)
        {
            return false;
        }

        if (candidate[0] == '[')
        {
            var close = candidate.IndexOf(']');
            var inner = close < 0 ? candidate[1..] : candidate[1..close];
            Span<byte> v6 = stackalloc byte[16];
            if (Ipv6Literal.TryParse(inner, v6))
            {
                return InternalAddressRanges.IsInternal(v6);
            }

            return Ipv4Notation.TryParse(inner, out var bracketed) && InternalAddressRanges.IsInternal(bracketed);
        }

        // Circled, full-width or mathematical letters in a host only exist to slip past filters: a resolver folds
        // them to ASCII, so whatever they spell, the writer wanted the name not to be read. (\uD835 leads the
        // mathematical alphanumeric symbols.)
        if (HasCompatibilityLetters(candidate))
        {
            return true;
        }

        // Lower-case the host, read ideographic and full-width full stops as dots (IDNA maps them), stop at the
        // first character that cannot be part of a host name.
        Span<char> host = stackalloc char[Math.Min(candidate.Length, MaxHostLength)];
        int length;

        // Most hosts are ASCII up to their end: lower-case that run in one vectorized call.
        var end = candidate.IndexOfAnyExcept(AsciiHostChars);
        if (end < 0 || candidate[end] < 0x80)
        {
            System.Text.Ascii.ToLower(candidate[..Math.Min(end < 0 ? candidate.Length : end, host.Length)], host, out length);
        }
        else
        {
            length = ReadHost(candidate, host);
        }

        var name = host[..length].TrimEnd('.');
        if (name.IsEmpty)
        {
            return false;
        }

        if (Ipv4Notation.TryParse(name, out var address))
        {
            return InternalAddressRanges.IsInternal(address);
        }

        return InternalHostNames.IsInternal(name, singleLabelIsInternal);
    }

    // The general reading: lower-case, ideographic and full-width full stops as dots, letters outside ASCII kept.
    private static int ReadHost(ReadOnlySpan<char> candidate, Span<char> host)
    {
        var length = 0;
        foreach (var c in candidate)
        {
            if (length == host.Length)
            {
                break;
            }

            var h = c switch
            {
                '\u3002' or '\uFF0E' or '\uFF61' => '.',
                >= 'A' and <= 'Z' => (char)(c | 0x20),
                _ => c,
            };
            if (!(char.IsAsciiLetterOrDigit(h) || h is '.' or '-' or '_' || (h > 0x7F && char.IsLetterOrDigit(h))))
            {
                break;
            }

            host[length++] = h;
        }

        return length;
    }

    private static bool HasCompatibilityLetters(ReadOnlySpan<char> candidate)
    {
        if (candidate.IndexOfAnyInRange('\u2070', '\uFFFF') < 0)
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (c is '/' or '?' or '#')
            {
                break;
            }

            if (c is (>= '\u2460' and <= '\u24FF') or (>= '\uFF10' and <= '\uFF5A') or (>= '\u2070' and <= '\u209F') || c == '\uD835')
            {
                return true;
            }
        }

        return false;
    }
}
