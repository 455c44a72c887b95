namespace ServerlessShield.AwsLambda;

// Runs inside the pipeline (after telemetry and exception redaction, before payload limits), so a failure while
// reading or parsing the event is redacted like any other and every outcome is reported: reads the event once,
// parses it once, detects the source, checks where it came from and lets the source's extractor fill the inputs.
internal sealed class LambdaEventMiddleware(
    LambdaEventSource? sourceOverride,
    int maxEventBytes,
    LambdaProvenance provenance,
    LambdaInputExtractors extractors) : IShieldMiddleware
{
    // The envelope adds a few levels around user data; the payload's own depth limit is enforced on the inputs.
    private const int EnvelopeDepthAllowance = 16;

    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        if (!context.TryGetProperty(LambdaEvent.Key, out var lambdaEvent) || lambdaEvent is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var bytes = await LambdaEventReader.ReadAsync(lambdaEvent.Input, maxEventBytes, context.CancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            // A hard ceiling, whatever the rule's mode: the shield kept none of the event, so nothing can be passed on.
            context.Outcome = ShieldOutcome.Blocked(ShieldRules.PayloadTooLarge);
            return;
        }

        lambdaEvent.Bytes = bytes.Value;
        lambdaEvent.MaxDepth = Math.Max(LambdaEventParser.DefaultMaxDepth, context.Policy.MaxDepth + EnvelopeDepthAllowance);
        lambdaEvent.Document = LambdaEventParser.TryParse(bytes.Value, lambdaEvent.MaxDepth);
        var parsed = lambdaEvent.Document is not null;
        lambdaEvent.Source = sourceOverride ?? (parsed ? LambdaEventSourceDetector.Detect(lambdaEvent.Root) : LambdaEventSource.Unknown);
        context.Source = LambdaEventSources.Describe(lambdaEvent.Source);
        provenance.Check(lambdaEvent, context, parsed);

        extractors.For(lambdaEvent.Source, parsed).Extract(lambdaEvent, context);
        await next(context).ConfigureAwait(false);
    }
}
