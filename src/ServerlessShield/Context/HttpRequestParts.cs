namespace ServerlessShield;

/// <summary>The HTTP parts of an invocation triggered by an HTTP request. The body is an input (<see cref="ShieldContext.Inputs"/>).</summary>
public sealed class HttpRequestParts
{
    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The request path, without the query string.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The content type of the body, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>The query string values, in order; a repeated name appears more than once.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>
    /// The route values (path parameters) the platform matched: Azure Functions route parameters, API Gateway
    /// <c>pathParameters</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> RouteValues { get; init; } = [];

    /// <summary>
    /// Whether the platform matched the path against a route template before invoking the function (an API Gateway
    /// resource or route key other than <c>$default</c>, every Azure Functions HTTP route): the caller's part of the
    /// path is then the route values, and the path itself is not an input. False behind an ALB, a Function URL, VPC
    /// Lattice, CloudFront or a <c>$default</c> route, where the function routes by the raw path.
    /// </summary>
    public bool IsRouted { get; init; }

    /// <summary>The request headers, in order; header names compare case-insensitively.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Whether the content type declares JSON (<c>application/json</c> or a <c>+json</c> suffix).</summary>
    public bool IsJsonContent => ContentType is { } type && IsJsonMediaType(type);

    /// <summary>
    /// How the body is to be read: <see cref="InputFormat.Json"/>, <see cref="InputFormat.MultipartFormData"/>,
    /// <see cref="InputFormat.FormUrlEncoded"/> or, for any other content type, <see cref="InputFormat.Auto"/>.
    /// </summary>
    public InputFormat BodyFormat =>
        IsJsonContent ? InputFormat.Json
        : MultipartFormData.Boundary(ContentType) is not null ? InputFormat.MultipartFormData
        : FormUrlEncoded.IsMediaType(ContentType) ? InputFormat.FormUrlEncoded
        : InputFormat.Auto;

    /// <summary>Returns the first value of a header, or null.</summary>
    /// <param name="name">The header name, compared case-insensitively.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? GetHeader(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    internal static bool IsJsonMediaType(string contentType)
    {
        var type = MediaType(contentType);
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    // The media type of a Content-Type value, without its parameters ("multipart/form-data; boundary=x").
    internal static ReadOnlySpan<char> MediaType(string? contentType, out ReadOnlySpan<char> parameters)
    {
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        parameters = semicolon < 0 ? [] : span[(semicolon + 1)..];
        return (semicolon < 0 ? span : span[..semicolon]).Trim();
    }

    internal static ReadOnlySpan<char> MediaType(string? contentType) => MediaType(contentType, out _);
}
