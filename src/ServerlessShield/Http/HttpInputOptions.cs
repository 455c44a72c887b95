namespace ServerlessShield;

/// <summary>
/// Which parts of a request besides the body, query values and route values are inspected as text inputs: the path,
/// headers and cookies.
/// The Azure Functions and AWS Lambda adapters expose these settings on their own options, with the same defaults.
/// Credentials (<c>Authorization</c>, <c>Proxy-Authorization</c>, function and API keys, and any header whose name
/// contains <c>token</c>, <c>secret</c>, <c>password</c>, <c>signature</c>, <c>-key</c> or <c>auth</c>) are never
/// inspected, even when listed, so their values cannot reach telemetry even as hashes.
/// </summary>
public sealed class HttpInputOptions
{
    /// <summary>
    /// The request headers whose values are inspected (<c>headers.&lt;name&gt;</c>), compared case-insensitively.
    /// Default: <c>User-Agent</c>, <c>Referer</c>, <c>X-Forwarded-For</c>, <c>X-Forwarded-Host</c>, <c>Origin</c>.
    /// </summary>
    public ISet<string> InspectedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "User-Agent", "Referer", "X-Forwarded-For", "X-Forwarded-Host", "Origin",
    };

    /// <summary>
    /// Whether every custom <c>X-*</c> request header is inspected too, except credentials and the platform's own:
    /// Azure's <c>X-MS-*</c>, <c>X-ARR-*</c>, <c>X-WAWS-*</c>, <c>X-Site-*</c>, <c>X-AppService-*</c>, AWS's
    /// <c>X-Amz-*</c> and <c>X-Amzn-*</c> (<c>X-Amzn-Trace-Id</c>), and <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-Port</c>, which the front end sets. Default: true.
    /// </summary>
    public bool InspectCustomHeaders { get; set; } = true;

    /// <summary>
    /// Whether the request path is inspected (<c>path</c>) when the platform did not route the request by a template
    /// (<see cref="HttpRequestParts.IsRouted"/>): behind an ALB, a Function URL, VPC Lattice, CloudFront or an HTTP API
    /// <c>$default</c> route, the function reads the whole path itself, so every segment is the caller's. Routed by a
    /// template, the caller's part of the path is the route values, which are inspected instead. The path is read from
    /// its first segment on; the root path <c>/</c> carries nothing and is skipped. Default: true.
    /// </summary>
    public bool InspectPath { get; set; } = true;

    /// <summary>Whether each cookie value is inspected (<c>cookies.&lt;name&gt;</c>). Default: true.</summary>
    public bool InspectCookies { get; set; } = true;
}
