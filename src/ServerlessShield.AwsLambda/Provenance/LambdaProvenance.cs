using System.Collections.Frozen;

namespace ServerlessShield.AwsLambda;

// Where events may come from, frozen from the options when the handler is wrapped: source types, resource ARNs,
// accounts, API ids and EventBridge sources. Empty sets check nothing.
internal sealed class LambdaProvenance(LambdaShieldOptions options)
{
    public FrozenSet<LambdaEventSource> Sources { get; } = options.AllowedSources.ToFrozenSet();

    public FrozenSet<string> SourceArns { get; } = options.AllowedSourceArns.ToFrozenSet(StringComparer.Ordinal);

    public FrozenSet<string> Accounts { get; } = options.AllowedAccounts.ToFrozenSet(StringComparer.Ordinal);

    public FrozenSet<string> ApiIds { get; } = options.AllowedApiIds.ToFrozenSet(StringComparer.Ordinal);

    public FrozenSet<string> EventBridgeSources { get; } = options.AllowedEventBridgeSources.ToFrozenSet(StringComparer.Ordinal);

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
