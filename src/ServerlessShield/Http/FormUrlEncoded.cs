namespace ServerlessShield;

// An application/x-www-form-urlencoded body: name=value pairs joined by '&', each percent-encoded with '+' for a
// space, as a browser form, a Slack slash command or a Twilio webhook posts it. Decoded once here, as the handler's
// framework decodes it; the canonicalizer still sees any further layer.
internal static class FormUrlEncoded
{
    /// <summary>Whether the content type is <c>application/x-www-form-urlencoded</c>.</summary>
    public static bool IsMediaType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon < 0 ? span : span[..semicolon]).Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The decoded pairs, in order; a pair without '=' has an empty value.</summary>
    public static List<KeyValuePair<string, string>> Read(ReadOnlySpan<char> body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        while (!body.IsEmpty)
        {
            var amp = body.IndexOf('&');
            var pair = amp < 0 ? body : body[..amp];
            body = amp < 0 ? [] : body[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            pairs.Add(equals < 0 ? new(Decode(pair), "") : new(Decode(pair[..equals]), Decode(pair[(equals + 1)..])));
        }

        return pairs;
    }

    // '+' is a space; an invalid escape stays as written (Uri.UnescapeDataString leaves it).
    private static string Decode(ReadOnlySpan<char> text) =>
        Uri.UnescapeDataString(text.IndexOf('+') < 0 ? text.ToString() : text.ToString().Replace('+', ' '));
}
