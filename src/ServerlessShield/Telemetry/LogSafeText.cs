using System.Text;

namespace ServerlessShield;

// Text a sender chose (a message or event id, a query, cookie or header name) as it reaches log lines and security
// events: printable ASCII only (anything else becomes '?') and at most a given length, then '…', so it cannot carry a
// line break, a control sequence or a payload into the log. Text that already fits is returned as it is.
internal static class LogSafeText
{
    // A Service Bus message id may be 128 characters; platform ids (UUIDs, sequence numbers) are shorter.
    public const int MaxIdLength = 128;

    // A record's id as telemetry carries it. The context keeps the exact id, which partial-batch responses need.
    public static string? Id(string? id) => id is null ? null : Of(string.Empty, id, MaxIdLength);

    public static string Of(string prefix, string text, int maxLength)
    {
        if (text.Length <= maxLength && IsPrintableAscii(text))
        {
            return prefix.Length == 0 ? text : prefix + text;
        }

        var builder = new StringBuilder(prefix.Length + maxLength + 1).Append(prefix);
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, maxLength)))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return text.Length > maxLength ? builder.Append('…').ToString() : builder.ToString();
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
