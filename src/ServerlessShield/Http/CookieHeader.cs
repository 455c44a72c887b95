namespace ServerlessShield;

// "a=1; b=2": each value under its cookie name. A pair without '=' is a value without a name; empty values are skipped.
internal static class CookieHeader
{
    public static IEnumerable<KeyValuePair<string, string>> Split(string header)
    {
        foreach (var pair in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? string.Empty : pair[..equals].Trim();
            var value = equals < 0 ? pair : pair[(equals + 1)..].Trim();
            if (value.Length > 0)
            {
                yield return new(name, value);
            }
        }
    }
}
