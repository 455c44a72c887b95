namespace ServerlessShield;

/// <summary>
/// Recognises a line that starts a smuggled HTTP message (<c>HTTP/1.1 200 OK</c>, <c>GET /x HTTP/1.1</c>) or a forged
/// log entry (a time stamp, an access-log client address, or a bracketed or capitalised log level).
/// </summary>
internal static class ForgedStartLine
{
    private static readonly string[] Methods = ["GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ", "TRACE ", "CONNECT "];

    private static readonly string[] Levels = ["INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL", "CRITICAL", "NOTICE", "SEVERE", "ALERT", "EMERG", "CRIT", "ERR"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool StartsHttpMessage(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) && line.Length > 5 && char.IsAsciiDigit(line[5]))
        {
            return true;
        }

        foreach (var method in Methods)
        {
            if (line.StartsWith(method, StringComparison.OrdinalIgnoreCase))
            {
                // METHOD target HTTP/x: the target has no spaces.
                var rest = line[method.Length..];
                var space = rest.IndexOfAny(' ', '\r', '\n');
                return space > 0 && rest[(space + 1)..].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    public static bool StartsLogEntry(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return false;
        }

        if (line[0] == '[')
        {
            var close = line.IndexOf(']');
            if (close > 1 && close < 40)
            {
                var inner = line[1..close];
                return IsLevel(inner) || HasClockTime(inner);
            }
        }

        // 2024-05-01 12:00:00 / 2024-05-01T12:00 (ISO 8601), Oct 11 22:14:15 (syslog).
        if (line.Length >= 16 && IsDigits(line[..4]) && line[4] == '-' && IsDigits(line.Slice(5, 2)) && line[7] == '-' && IsDigits(line.Slice(8, 2))
            && line[10] is 'T' or ' ' && HasClockTime(line.Slice(11, 5)))
        {
            return true;
        }

        foreach (var month in Months)
        {
            if (line.StartsWith(month, StringComparison.Ordinal) && line.Length >= 15 && line[3] == ' ' && HasClockTime(line.Slice(7, 8)))
            {
                return true;
            }
        }

        // 10.0.0.1 - - [ : an access-log line.
        var firstSpace = line.IndexOf(' ');
        if (firstSpace is > 6 and < 40 && line[firstSpace..].StartsWith(" - ", StringComparison.Ordinal) && Ipv4Notation.TryParse(line[..firstSpace], out _)
            && line[..firstSpace].Count('.') == 3)
        {
            return true;
        }

        // ERROR: / WARN - / INFO followed by a logger name: an upper-case level opening the line.
        foreach (var level in Levels)
        {
            if (line.StartsWith(level, StringComparison.Ordinal) && line.Length > level.Length && line[level.Length] is ':' or ']' or '|'
                || (line.StartsWith(level, StringComparison.Ordinal) && line[level.Length..].StartsWith(" - ", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLevel(ReadOnlySpan<char> s)
    {
        foreach (var level in Levels)
        {
            if (s.Equals(level, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // hh:mm somewhere in the text.
    private static bool HasClockTime(ReadOnlySpan<char> s)
    {
        for (var i = 0; i + 5 <= s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && s[i + 2] == ':' && char.IsAsciiDigit(s[i + 3]) && char.IsAsciiDigit(s[i + 4]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange('0', '9') < 0;
}
