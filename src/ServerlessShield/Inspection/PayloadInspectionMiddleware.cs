namespace ServerlessShield;

/// <summary>
/// Inspects every input of the invocation in one forward pass: the policy's payload limits (size, depth, keys,
/// array length, string and number length, duplicate keys, UTF-8 validity, lone surrogates, NUL) and the injection
/// detectors on every string key and value, each finding with its JSON path. A whole-invocation block
/// short-circuits: the handler never sees the payload.
/// </summary>
public sealed class PayloadInspectionMiddleware : IShieldMiddleware
{
    private readonly InjectionScanner _scanner;

    /// <summary>Creates the middleware.</summary>
    /// <param name="scanner">The detectors to run; null runs every built-in detector.</param>
    public PayloadInspectionMiddleware(InjectionScanner? scanner = null)
    {
        _scanner = scanner ?? InjectionScanner.Default;
    }

    /// <inheritdoc />
    public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var input in context.Inputs)
        {
            PayloadInspector.Inspect(context, input, _scanner);
        }

        return context.Outcome.IsRejected ? ValueTask.CompletedTask : next(context);
    }
}
