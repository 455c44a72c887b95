using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// VPC Lattice requests: event structure v1 (snake_case: raw_path, method, query_string_parameters,
// is_base64_encoded) and v2 (path, method, queryStringParameters, isBase64Encoded; header values are arrays).
internal sealed class VpcLatticeInputExtractor(HttpRequestInputs inputs) : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        var root = lambdaEvent.Root;
        var v1 = root.Has("raw_path");
        var headers = ReadHeaders(root);
        var query = HttpEventReading.ReadPairs(root, "multiValueQueryStringParameters", v1 ? "query_string_parameters" : "queryStringParameters", urlDecode: false);
        var http = new HttpRequestParts
        {
            Method = (root.GetStringOrNull("method") ?? "GET").ToUpperInvariant(),
            Path = root.GetStringOrNull(v1 ? "raw_path" : "path") ?? "/",
            ContentType = HttpEventReading.FindHeader(headers, "content-type"),
            Headers = headers,
            Query = query,
        };
        context.Http = http;
        HttpEventReading.AddInputs(lambdaEvent, context, http, "body", v1 ? "is_base64_encoded" : "isBase64Encoded", inputs);
    }

    // v1 sends one string per header, v2 an array of strings.
    private static List<KeyValuePair<string, string>> ReadHeaders(JsonElement root)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (!root.TryGet("headers", JsonValueKind.Object, out var map))
        {
            return headers;
        }

        foreach (var header in map.EnumerateObject())
        {
            if (header.Value.ValueKind == JsonValueKind.String)
            {
                headers.Add(new(header.Name, header.Value.GetString()!));
            }
            else if (header.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var value in header.Value.EnumerateArray())
                {
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        headers.Add(new(header.Name, value.GetString()!));
                    }
                }
            }
        }

        return headers;
    }
}
