using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// AppSync resolvers (direct, batch and mapping-template events): the GraphQL field's arguments are the caller's data.
// The rest is not request input: info (the selection set and names, which the schema fixes), identity (set by the
// identity provider), source, prev and stash (the resolver pipeline's own data), request (headers AppSync forwards).
// A batch resolver sends an array of these.
internal sealed class AppSyncResolverInputExtractor : ILambdaInputExtractor
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

            index++;
        }
    }
}
