using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Lambda@Edge: the viewer's request is the input: its URI (the request path: there are no route values), query
// string, selected headers and cookies, and the body when the distribution passes it (text or base64). On origin and
// viewer response events the response comes from the origin, and config is the distribution's: neither is request
// input. Headers arrive as name: [{key, value}].
internal sealed class CloudFrontInputExtractor(HttpRequestInputs inputs) : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        if (!lambdaEvent.Root.TryGet("Records", JsonValueKind.Array, out var records) || records.GetArrayLength() == 0
            || !records[0].TryGet("cf", JsonValueKind.Object, out var cf) || !cf.TryGet("request", JsonValueKind.Object, out var request))
        {
            return;
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (request.TryGet("headers", JsonValueKind.Object, out var headerMap))
        {
            foreach (var header in headerMap.EnumerateObject())
            {
                if (header.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var entry in header.Value.EnumerateArray())
                {
                    if (entry.GetStringOrNull("value") is { } value)
                    {
                        headers.Add(new(entry.GetStringOrNull("key") ?? header.Name, value));
                    }
                }
            }
        }

        var uri = request.GetStringOrNull("uri") ?? "/";
        var http = new HttpRequestParts
        {
            Method = (request.GetStringOrNull("method") ?? "GET").ToUpperInvariant(),
            Path = uri,
            ContentType = HttpEventReading.FindHeader(headers, "content-type"),
            Headers = headers,
            Query = request.GetStringOrNull("querystring") is { Length: > 0 } query ? HttpEventReading.ParseQueryString(query) : [],
        };
        context.Http = http;
        if (request.TryGet("body", JsonValueKind.Object, out var body) && body.TryGet("data", JsonValueKind.String, out var data))
        {
            HttpEventReading.AddBody(lambdaEvent, context, http, data, body.IsString("encoding", "base64"), "Records", 0, "cf", "request", "body", "data");
        }

        inputs.Add(context, http);
    }
}
