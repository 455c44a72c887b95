using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// API Gateway REST proxy (and HTTP API payload 1.0), ALB and WebSocket events share one shape: httpMethod, path,
// headers / multiValueHeaders, queryStringParameters / multiValueQueryStringParameters, body, isBase64Encoded.
internal sealed class ProxyV1InputExtractor(HttpRequestInputs inputs) : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        var root = lambdaEvent.Root;
        var isAlb = lambdaEvent.Source == LambdaEventSource.Alb;
        lambdaEvent.UsesMultiValueHeaders = isAlb && root.HasObject("multiValueHeaders");

        var headers = HttpEventReading.ReadPairs(root, "multiValueHeaders", "headers", urlDecode: false);
        // ALB passes query strings on as received; API Gateway has decoded them already.
        var query = HttpEventReading.ReadPairs(root, "multiValueQueryStringParameters", "queryStringParameters", urlDecode: isAlb);
        var http = new HttpRequestParts
        {
            Method = (root.GetStringOrNull("httpMethod") ?? WebSocketMethod(root)).ToUpperInvariant(),
            Path = root.GetStringOrNull("path") ?? "/",
            ContentType = HttpEventReading.FindHeader(headers, "content-type"),
            Headers = headers,
            Query = query,
            RouteValues = HttpEventReading.ReadPathParameters(root),

            // A REST API matched the path against its resource (/orders, /orders/{id}); an ALB forwards any path, and so
            // does an HTTP API $default route sending payload 1.0 (its resource is then the path itself).
            IsRouted = root.GetStringOrNull("resource") is { Length: > 0 } resource && resource != "$default" && !IsDefaultRoute(root),
        };
        context.Http = http;
        HttpEventReading.AddInputs(lambdaEvent, context, http, "body", "isBase64Encoded", inputs);
    }

    private static bool IsDefaultRoute(JsonElement root) =>
        root.TryGet("requestContext", JsonValueKind.Object, out var context)
        && (context.IsString("routeKey", "$default") || context.IsString("resourceId", "$default"));

    // A WebSocket event has no HTTP method: the connection is opened with a GET, messages are data sent to the API.
    private static string WebSocketMethod(JsonElement root) =>
        root.TryGet("requestContext", JsonValueKind.Object, out var context) && context.IsString("eventType", "MESSAGE") ? "POST" : "GET";
}
