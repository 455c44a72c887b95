using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// AppSync resolvers (direct, batch and mapping-template events): the GraphQL field's arguments are the caller's data,
// and so are the HTTP headers AppSync forwards in request.headers, selected as for any HTTP request (User-Agent,
// Referer, X-Forwarded-For, custom X-* headers, cookies; never credentials). The rest is not request input: info (the
// selection set and names, which the schema fixes), identity (set by the identity provider), source, prev and stash
// (the resolver pipeline's own data). A batch resolver sends an array of these, all from one GraphQL request: its
// headers are read once, from the first call.
internal sealed class AppSyncResolverInputExtractor(HttpRequestInputs httpInputs) : ILambdaInputExtractor
{
    private const string ArgumentsProperty = "arguments";

    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        var root = lambdaEvent.Root;
        if (root.ValueKind != JsonValueKind.Array)
        {
            if (root.TryGet(ArgumentsProperty, JsonValueKind.Object, out var arguments))
            {
                context.Add(lambdaEvent, RecordInputs.Json(ArgumentsProperty, arguments), InputLocation.ForValue(arguments, ArgumentsProperty));
            }

            AddHeaders(context, root);
            return;
        }

        var index = 0;
        foreach (var call in root.EnumerateArray())
        {
            if (call.TryGet(ArgumentsProperty, JsonValueKind.Object, out var arguments))
            {
                context.Add(lambdaEvent, RecordInputs.Json(RecordInputs.Path(string.Empty, index, ArgumentsProperty), arguments),
                    InputLocation.ForValue(arguments, index, ArgumentsProperty));
            }

            if (index == 0)
            {
                AddHeaders(context, call);
            }

            index++;
        }
    }

    // Only the inputs: the invocation is not an HTTP request to answer (context.Http stays unset).
    private void AddHeaders(ShieldContext context, JsonElement call)
    {
        if (call.TryGet("request", JsonValueKind.Object, out var request))
        {
            httpInputs.Add(context, new HttpRequestParts { Headers = HttpEventReading.ReadPairs(request, "multiValueHeaders", "headers", urlDecode: false) });
        }
    }
}
