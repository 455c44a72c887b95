using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// API Gateway HTTP API payload 2.0 and Function URL events: requestContext.http.method, rawPath, rawQueryString,
// comma-joined headers, a separate cookies array (read as the Cookie header it was), pathParameters, body, isBase64Encoded.
internal sealed class ProxyV2InputExtractor(HttpRequestInputs inputs) : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        var root = lambdaEvent.Root;
        root.TryGet("requestContext", JsonValueKind.Object, out var requestContext);
        requestContext.TryGet("http", JsonValueKind.Object, out var httpContext);

        var headers = HttpEventReading.ReadPairs(root, "multiValueHeaders", "headers", urlDecode: false);
        if (root.TryGet("cookies", JsonValueKind.Array, out var cookies))
        {
            var values = new List<string?>();
            foreach (var cookie in cookies.EnumerateArray())
            {
                if (cookie.ValueKind == JsonValueKind.String)
                {
                    values.Add(cookie.GetString());
                }
            }

            headers.Add(new("cookie", string.Join("; ", values)));
        }

        var rawQuery = root.GetStringOrNull("rawQueryString");
        var query = string.IsNullOrEmpty(rawQuery)
            ? HttpEventReading.ReadPairs(root, "multiValueQueryStringParameters", "queryStringParameters", urlDecode: false)
            : HttpEventReading.ParseQueryString(rawQuery);

        var http = new HttpRequestParts
        {
            Method = (httpContext.GetStringOrNull("method") ?? "GET").ToUpperInvariant(),
            Path = root.GetStringOrNull("rawPath") ?? httpContext.GetStringOrNull("path") ?? "/",
            ContentType = HttpEventReading.FindHeader(headers, "content-type"),
            Headers = headers,
            Query = query,
            RouteValues = HttpEventReading.ReadPathParameters(root),

            // An HTTP API route key (POST /orders/{id}) was matched; $default, and every Function URL, takes any path.
            IsRouted = root.GetStringOrNull("routeKey") is { Length: > 0 } routeKey && routeKey != "$default",
        };
        context.Http = http;
        HttpEventReading.AddInputs(lambdaEvent, context, http, "body", "isBase64Encoded", inputs);
    }
}
