namespace ServerlessShield;

/// <summary>
/// A link whose host is an IPv4 address in a non-canonical notation (<c>http://1113982867/</c>,
/// <c>http://0x42.0x66.0x7.0x93/</c>, <c>http://0102.0146.0007.0223/</c>): such a host only exists to get a
/// destination past filters and the eyes of whoever reads the link.
/// </summary>
internal static class ObfuscatedAddressLink
{
    public static bool Matches(ReadOnlySpan<char> value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return false;
        }

        var host = value[(scheme + 3)..];
        var end = 0;
        while (end < host.Length && host[end] is not ('/' or '?' or '#' or ':'))
        {
            end++;
        }

        host = host[..end];
        if (host.IsEmpty || !Ipv4Notation.TryParse(host, out _))
        {
            return false;
        }

        // Canonical dotted decimal has four parts of plain digits without leading zeros.
        var parts = 0;
        while (true)
        {
            var dot = host.IndexOf('.');
            var part = dot < 0 ? host : host[..dot];
            if (part.IsEmpty || (part.Length > 1 && part[0] == '0') || part.IndexOfAnyExceptInRange('0', '9') >= 0)
            {
                return true;
            }

            parts++;
            if (dot < 0)
            {
                return parts != 4;
            }

            host = host[(dot + 1)..];
        }
    }
}
