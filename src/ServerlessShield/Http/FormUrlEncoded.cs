namespace ServerlessShield;

// An application/x-www-form-urlencoded body: name=value pairs joined by '&', each percent-encoded with '+' for a
// space, as a browser form, a Slack slash command or a Twilio webhook posts it. Decoded once here, as the handler's
// framework decodes it; the canonicalizer still sees any further layer.
internal static class FormUrlEncoded
{
    /// <summary>Whether the content type is <c>application/x-www-form-urlencoded</c>.</summary>
    public static bool IsMediaType(string? contentType) =>
        HttpRequestParts.MediaType(contentType).Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

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
            pairs.Add(equals < 0 ? new(Decode(pair.ToString()), "") : new(Decode(pair[..equals].ToString()), Decode(pair[(equals + 1)..].ToString())));
        }

        return pairs;
    }

    /// <summary>
    /// Decodes one form-encoded name or value: '+' is a space, %XX an escape. A malformed escape stays as sent, so the
    /// inspection sees what the handler would. Shared with the places that decode query strings and S3 keys.
    /// </summary>
    public static string Decode(string value)
    {
        if (value.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
