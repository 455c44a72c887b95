using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// CloudWatch Logs subscriptions deliver base64(gzip(JSON)). Decompression is bounded by the policy's payload
// limit, so a small event cannot expand into an unbounded one (a "zip bomb").
internal sealed class CloudWatchLogsInputExtractor : ILambdaInputExtractor
{
    public const string Path = "awslogs.data";

    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        if (!lambdaEvent.Root.TryGet("awslogs", JsonValueKind.Object, out var awslogs)
            || !awslogs.TryGet("data", JsonValueKind.String, out var data))
        {
            return;
        }

        if (!data.TryGetBytesFromBase64(out var compressed))
        {
            context.Report(ShieldRules.InvalidJson, Path);
            return;
        }

        var limit = context.Policy.MaxPayloadBytes;
        var decompressed = GzipContent.Inflate(compressed, limit);
        if (decompressed is null)
        {
            context.Report(ShieldRules.InvalidJson, Path);
        }
        else if (decompressed.Length > limit)
        {
            context.Report(ShieldRules.DecodedTooLarge, Path);
        }
        else
        {
            context.Inputs.Add(new ShieldInput(Path, decompressed, InputFormat.Json));
        }
    }
}
