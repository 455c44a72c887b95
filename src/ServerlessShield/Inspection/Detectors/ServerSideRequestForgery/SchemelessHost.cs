namespace ServerlessShield;

/// <summary>
/// A value that starts with a host and no scheme (<c>localhost/</c>, <c>//127.0.0.1/x</c>, <c>host.docker.internal:2375</c>)
/// is still a URL to a lenient client, and so is such a host given as a parameter or attribute value
/// (<c>url=127.0.0.1/admin</c>, <c>src="localhost/"</c>). Without a scheme the evidence is weaker, so only named internal
/// hosts and four-part addresses followed by a path or port count; a bare address or a CIDR block (<c>10.0.0.0/8</c>) does not.
/// </summary>
internal static class SchemelessHost
{
    public static bool AnyInternalHost(ReadOnlySpan<char> value)
    {
        var closer = new BracketCloser(value);
        if (StartsWithInternalHost(value, value.Length - value.TrimStart().Length, ref closer))
        {
            return true;
        }

        for (var i = value.IndexOf('='); i >= 0; i = Next(value, i, '='))
        {
            var start = i + 1;
            if (start < value.Length && value[start] is '"' or '\'')
            {
                start++;
            }

            if (StartsWithInternalHost(value, start, ref closer))
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> value, int at, char c)
    {
        var next = value[(at + 1)..].IndexOf(c);
        return next < 0 ? -1 : at + 1 + next;
    }

    // The host at text[start..], if it is internal and followed by a path or port.
    private static bool StartsWithInternalHost(ReadOnlySpan<char> text, int start, ref BracketCloser closer)
    {
        var value = text[start..];
        var relative = false;
        if (value.StartsWith("//") || value.StartsWith(@"\\"))
        {
            value = value[2..];
            start += 2;
            relative = true;
        }

        if (value.IsEmpty)
        {
            return false;
        }

        // Without a scheme, brackets hold a host only when they hold an IPv6 literal ([::1]/): [1] and [0] are indexes.
        if (value[0] == '[')
        {
            var found = closer.FirstFrom(start);
            var close = found < 0 ? -1 : found - start;
            return close > 0 && value[1..close].Contains(':') && FollowedByPathOrPort(value[(close + 1)..], relative)
                && UrlHostClassifier.IsInternal(value[..(close + 1)], false);
        }

        var end = 0;
        while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] is '.' or '-' or '_'))
        {
            end++;
        }

        var host = value[..end];
        if (host.IsEmpty || !FollowedByPathOrPort(value[end..], relative))
        {
            return false;
        }

        if (Ipv4Notation.TryParse(host, out var address))
        {
            // A bare address is network data, not a request target; it needs a path or port after it.
            return end < value.Length && host.Count('.') == 3 && InternalAddressRanges.IsInternal(address);
        }

        return UrlHostClassifier.IsInternal(host, false);
    }

    private static bool FollowedByPathOrPort(ReadOnlySpan<char> rest, bool relative)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        return rest[0] switch
        {
            // 10.0.0.0/8 is a CIDR block, not a path.
            '/' => rest.Length == 1 || !char.IsAsciiDigit(rest[1]),
            ':' => rest.Length > 1 && char.IsAsciiDigit(rest[1]),
            '?' or '#' => relative,
            _ => false,
        };
    }

    // The first ']' at or after a position. Every '=' of a value can open a bracketed host, and searching to the end
    // from each would make "[=[=[=..." quadratic: a search is reused while the positions stay before its answer.
    private ref struct BracketCloser(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _from = -1;
        private int _found = -1;

        public int FirstFrom(int start)
        {
            if (_from < 0 || start < _from || (_found >= 0 && start > _found))
            {
                var at = _text[start..].IndexOf(']');
                (_from, _found) = (start, at < 0 ? -1 : start + at);
            }

            return _found;
        }
    }
}
