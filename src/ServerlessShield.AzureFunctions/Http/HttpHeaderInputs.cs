namespace ServerlessShield.AzureFunctions;

// The request headers a client controls and applications read (user agent, referer, forwarding chain, custom X-*
// headers, cookies), as text inputs. Credentials are never inputs, so not even a hash of them reaches telemetry; the
// platform's own headers (X-MS-*, X-ARR-*) are not the client's.
internal static class HttpHeaderInputs
{
    public const string HeaderPathPrefix = "headers.";
    public const string CookiePathPrefix = "cookies.";

    private static readonly string[] CredentialHeaders =
    [
        "Authorization", "Proxy-Authorization", "X-Functions-Key", "X-Api-Key", "Api-Key", "Ocp-Apim-Subscription-Key",
        "X-ZUMO-AUTH", "X-CSRF-Token", "X-XSRF-Token",
    ];

    // Name fragments of headers that carry secrets by convention.
    private static readonly string[] CredentialFragments = ["token", "secret", "password", "signature", "-key", "auth"];

    private static readonly string[] PlatformPrefixes = ["X-MS-", "X-ARR-", "X-WAWS-", "X-Site-", "X-AppService-"];

    public static void Add(ShieldContext context, IReadOnlyList<KeyValuePair<string, string>> headers, AzureFunctionsShieldOptions options)
    {
        foreach (var (name, value) in headers)
        {
            if (value.Length == 0 || IsCredential(name))
            {
                continue;
            }

            if (string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
            {
                if (options.InspectCookies)
                {
                    AddCookies(context, value);
                }

                continue;
            }

            if (options.InspectedHeaders.Contains(name) || (options.InspectCustomHeaders && IsCustom(name)))
            {
                context.Inputs.Add(ShieldInput.FromString(FieldPathSegment.Of(HeaderPathPrefix, name), value, InputFormat.Text));
            }
        }
    }

    internal static bool IsCredential(string name)
    {
        foreach (var header in CredentialHeaders)
        {
            if (string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var fragment in CredentialFragments)
        {
            if (name.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsCustom(string name)
    {
        if (!name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var prefix in PlatformPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // "a=1; b=2": each value under its cookie name. A pair without '=' is a value without a name.
    private static void AddCookies(ShieldContext context, string header)
    {
        foreach (var pair in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? string.Empty : pair[..equals].Trim();
            var value = equals < 0 ? pair : pair[(equals + 1)..].Trim();
            if (value.Length > 0)
            {
                context.Inputs.Add(ShieldInput.FromString(FieldPathSegment.Of(CookiePathPrefix, name), value, InputFormat.Text));
            }
        }
    }
}
