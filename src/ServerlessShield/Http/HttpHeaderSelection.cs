
namespace ServerlessShield;

// Which request headers become inputs: the listed ones and, when asked, the client's own X-* headers. Credentials
// never do, so not even a hash of them reaches telemetry; the platform's own headers (set by the front end, not the
// client) are not custom headers. The settings are copied when it is created.
internal sealed class HttpHeaderSelection(HttpInputOptions options)
{
    private static readonly string[] CredentialHeaders =
    [
        "Authorization", "Proxy-Authorization", "X-Functions-Key", "X-Api-Key", "Api-Key", "Ocp-Apim-Subscription-Key",
        "X-ZUMO-AUTH", "X-CSRF-Token", "X-XSRF-Token",
    ];

    // Name fragments of headers that carry secrets by convention.
    private static readonly string[] CredentialFragments = ["token", "secret", "password", "signature", "-key", "auth"];

    // Azure App Service and the Functions host; AWS (X-Amzn-Trace-Id, X-Amz-Cf-Id, the VPC Lattice identity
    // headers). CloudFront's own CloudFront-* headers are not X-* headers, so never custom ones.
    private static readonly string[] PlatformPrefixes = ["X-MS-", "X-ARR-", "X-WAWS-", "X-Site-", "X-AppService-", "X-Amz-", "X-Amzn-"];

    // Set by the load balancer or API front end from the connection itself, whatever the client sent.
    private static readonly string[] PlatformHeaders = ["X-Forwarded-Proto", "X-Forwarded-Port"];

    private readonly HashSet<string> _listed = new(options.InspectedHeaders, StringComparer.OrdinalIgnoreCase);
    private readonly bool _custom = options.InspectCustomHeaders;

    public bool Selects(string name) => !IsCredential(name) && (_listed.Contains(name) || (_custom && IsCustom(name)));

    public static bool IsCredential(string name)
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

    public static bool IsCustom(string name) => name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && !IsPlatform(name);

    public static bool IsPlatform(string name)
    {
        foreach (var prefix in PlatformPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var header in PlatformHeaders)
        {
            if (string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
