namespace ServerlessShield;

/// <summary>
/// Turns the parts of an HTTP request other than the body into text inputs, the same way on every platform: the path
/// when the platform did not route the request by a template (<c>path</c>, see <see cref="HttpRequestParts.IsRouted"/>),
/// each query value (<c>query.&lt;name&gt;</c>), route value
/// (<c>route.&lt;name&gt;</c>), selected header
/// (<c>headers.&lt;name&gt;</c>) and cookie value (<c>cookies.&lt;name&gt;</c>) of the <c>Cookie</c> headers. Names
/// chosen by the client appear in field paths as printable ASCII, at most 64 characters, so they cannot forge log lines.
/// Adapters create one per host from their <see cref="HttpInputOptions"/>, and add the body input themselves.
/// </summary>
public sealed class HttpRequestInputs
{
    /// <summary>The field path of the request path, which is read from its first segment on (without the leading slashes).</summary>
    public const string PathField = "path";

    /// <summary>The path prefix of query values.</summary>
    public const string QueryPathPrefix = "query.";

    /// <summary>The path prefix of route values (path parameters).</summary>
    public const string RoutePathPrefix = "route.";

    /// <summary>The path prefix of header values.</summary>
    public const string HeaderPathPrefix = "headers.";

    /// <summary>The path prefix of cookie values.</summary>
    public const string CookiePathPrefix = "cookies.";

    private readonly HttpHeaderSelection _headers;
    private readonly bool _cookies;
    private readonly bool _path;

    /// <summary>Creates the reader; the settings are copied, so later changes to <paramref name="options"/> do not apply.</summary>
    /// <param name="options">Which headers and cookies are inspected.</param>
    public HttpRequestInputs(HttpInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _headers = new HttpHeaderSelection(options);
        _cookies = options.InspectCookies;
        _path = options.InspectPath;
    }

    /// <summary>
    /// Adds the request's path (when the platform did not route it by a template), query values, route values, selected
    /// headers and cookies to <see cref="ShieldContext.Inputs"/>, in that order. The root path and empty route, header and cookie
    /// values are skipped; credentials are never added.
    /// </summary>
    /// <param name="context">The invocation's context.</param>
    /// <param name="request">The request.</param>
    public void Add(ShieldContext context, HttpRequestParts request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        // Routed by a template, the caller's part of the path is the route values (none on a static route); otherwise
        // the function routes by the raw path itself. The path is read from its first segment on: a bare "/" or "//"
        // is an LDAP syntax probe as a value, and every request has one.
        if (_path && !request.IsRouted && request.RouteValues.Count == 0 && request.Path.TrimStart('/') is { Length: > 0 } path)
        {
            context.Inputs.Add(Text(PathField, path));
        }

        foreach (var (name, value) in request.Query)
        {
            context.Inputs.Add(Text(QueryPathPrefix, name, value));
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value.Length > 0)
            {
                context.Inputs.Add(Text(RoutePathPrefix, name, value));
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (value.Length == 0)
            {
                continue;
            }

            if (string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
            {
                AddCookies(context, value);
            }
            else if (_headers.Selects(name))
            {
                context.Inputs.Add(Text(HeaderPathPrefix, name, value));
            }
        }
    }

    private void AddCookies(ShieldContext context, string header)
    {
        if (!_cookies)
        {
            return;
        }

        foreach (var (name, value) in CookieHeader.Split(header))
        {
            context.Inputs.Add(Text(CookiePathPrefix, name, value));
        }
    }

    private static ShieldInput Text(string prefix, string name, string value) => Text(FieldPathSegment.Of(prefix, name), value);

    // Everything but the body travels beside the payload.
    private static ShieldInput Text(string path, string value) =>
        new(path, System.Text.Encoding.UTF8.GetBytes(value), InputFormat.Text) { IsMetadata = true };
}
