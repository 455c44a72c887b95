namespace ServerlessShield;

/// <summary>
/// Enforces the policy's payload limits on every input: size, JSON depth, and JSON validity where JSON is declared.
/// A whole-invocation block short-circuits; the handler never sees the payload.
/// </summary>
public sealed class PayloadLimitsMiddleware : IShieldMiddleware
{
    /// <inheritdoc />
    public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var policy = context.Policy;
        foreach (var input in context.Inputs)
        {
            Check(context, policy, input);
        }

        return context.Outcome.IsRejected ? ValueTask.CompletedTask : next(context);
    }

    private static void Check(ShieldContext context, ShieldPolicy policy, ShieldInput input)
    {
        if (input.Data.Length > policy.MaxPayloadBytes)
        {
            // Too large to read further: every other check would cost what the limit is there to prevent.
            context.Report(ShieldRules.PayloadTooLarge, input.Path, input.ItemId);
            return;
        }

        var span = input.Data.Span;
        var json = input.Format switch
        {
            InputFormat.Json => !span.IsEmpty,
            InputFormat.Auto => JsonLimitScanner.LooksLikeJson(span),
            _ => false,
        };
        if (!json)
        {
            return;
        }

        switch (JsonLimitScanner.Scan(span, policy.MaxDepth))
        {
            case JsonLimitScanner.Result.TooDeep:
                context.Report(ShieldRules.JsonTooDeep, input.Path, input.ItemId);
                break;
            case JsonLimitScanner.Result.Invalid when input.Format == InputFormat.Json:
                context.Report(ShieldRules.InvalidJson, input.Path, input.ItemId);
                break;
        }
    }
}
