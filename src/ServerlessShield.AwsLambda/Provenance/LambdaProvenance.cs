
namespace ServerlessShield.AwsLambda;

// Where events may come from, frozen from the options when the handler is wrapped: source types, resource ARNs,
// accounts, API ids and EventBridge sources. Empty sets check nothing.
internal sealed class LambdaProvenance(LambdaShieldOptions options)
{
    public HashSet<LambdaEventSource> Sources { get; } = new(options.AllowedSources);

    public HashSet<string> SourceArns { get; } = new(options.AllowedSourceArns, StringComparer.Ordinal);

    public HashSet<string> Accounts { get; } = new(options.AllowedAccounts, StringComparer.Ordinal);

    public HashSet<string> ApiIds { get; } = new(options.AllowedApiIds, StringComparer.Ordinal);

    public HashSet<string> EventBridgeSources { get; } = new(options.AllowedEventBridgeSources, StringComparer.Ordinal);

    public void Check(LambdaEvent lambdaEvent, ShieldContext context, bool parsed)
    {
        if (Sources.Count > 0 && !Sources.Contains(lambdaEvent.Source))
        {
            context.Report(LambdaRules.UnexpectedEventSource, "event");
        }

        if (!parsed)
        {
            return;
        }

        if (SourceArns.Count > 0)
        {
            SourceArnCheck.Run(lambdaEvent, context, SourceArns);
        }

        if (Accounts.Count > 0 || ApiIds.Count > 0 || EventBridgeSources.Count > 0)
        {
            OriginCheck.Run(lambdaEvent, context, this);
        }
    }
}
