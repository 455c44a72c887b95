using System.Text;
using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Reading shared by the HTTP-shaped events (API Gateway v1/v2, ALB, Function URL, WebSocket, VPC Lattice): name/value
// maps, query strings and the body, which is base64 when isBase64Encoded says so.
internal static class HttpEventReading
{
    public const string BodyPath = "body";

    // Multi-value maps are a superset of the single-value ones when both are sent; values may be null.
    public static List<KeyValuePair<string, string>> ReadPairs(JsonElement root, string multiValueName, string singleValueName, bool urlDecode)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (root.TryGet(multiValueName, JsonValueKind.Object, out var multi))
        {
            foreach (var property in multi.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var value in property.Value.EnumerateArray())
                {
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        pairs.Add(Pair(property.Name, value.GetString()!, urlDecode));
                    }
                }
            }
        }
        else if (root.TryGet(singleValueName, JsonValueKind.Object, out var single))
        {
            foreach (var property in single.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    pairs.Add(Pair(property.Name, property.Value.GetString()!, urlDecode));
                }
            }
        }

        return pairs;
    }

    // HTTP API v2's rawQueryString keeps repeated names apart, which its comma-joined map does not.
    public static List<KeyValuePair<string, string>> ParseQueryString(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0 ? Pair(part, string.Empty, true) : Pair(part[..equals], part[(equals + 1)..], true));
        }

        return pairs;
    }

    public static string? FindHeader(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    // pathParameters: one string per route parameter; null when the route has none.
    public static List<KeyValuePair<string, string>> ReadPathParameters(JsonElement root)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (root.TryGet("pathParameters", JsonValueKind.Object, out var map))
        {
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    pairs.Add(new(property.Name, property.Value.GetString()!));
                }
            }
        }

        return pairs;
    }

    public static void AddInputs(LambdaEvent lambdaEvent, ShieldContext context, HttpRequestParts http, string bodyName, string base64Name, HttpRequestInputs inputs)
    {
        var root = lambdaEvent.Root;
        if (root.TryGet(bodyName, JsonValueKind.String, out var body))
        {
            AddBody(lambdaEvent, context, http, body, root.TryGet(base64Name, JsonValueKind.True, out _), bodyName);
        }

        // Query values, path parameters, headers and cookies, as on every platform. Each sits in more than one place
        // (several maps, the raw query string or path, a joined header): no single location, so a sanitized one blocks.
        inputs.Add(context, http);
    }

    // The request body as one input: decoded when the platform base64-encoded it, read as its content type says (JSON,
    // multipart form data).
    public static void AddBody(LambdaEvent lambdaEvent, ShieldContext context, HttpRequestParts http, JsonElement body, bool base64, params object[] location)
    {
        byte[]? decoded = null;
        var decodedBody = base64 && body.TryGetBytesFromBase64(out decoded);
        var bytes = decodedBody ? decoded! : JsonValueBytes.Of(body);
        context.Add(lambdaEvent, new ShieldInput(BodyPath, bytes, http.BodyFormat),
            InputLocation.Of(decodedBody ? InputEncoding.Base64 : InputEncoding.Text, location));
    }

    private static KeyValuePair<string, string> Pair(string name, string value, bool urlDecode) =>
        urlDecode ? new(FormUrlEncoded.Decode(name), FormUrlEncoded.Decode(value)) : new(name, value);
}
