namespace ServerlessShield;

/// <summary>
/// Inspects every input of the invocation in one forward pass: the policy's payload limits (size, depth, keys,
/// array length, string and number length, duplicate keys, UTF-8 validity, lone surrogates, NUL) and the injection
/// detectors on every string key and value, each finding with its JSON path. A whole-invocation block
/// short-circuits: the handler never sees the payload. In Sanitize mode, inputs whose findings can be neutralised are
/// rewritten in place (<see cref="ShieldInput.IsSanitized"/>) and the handler receives the rewritten data.
/// </summary>
public sealed class PayloadInspectionMiddleware : IShieldMiddleware
{
    private readonly InjectionScanner _scanner;
    private readonly IHtmlFieldSanitizer? _html;

    /// <summary>Creates the middleware with every built-in detector.</summary>
    public PayloadInspectionMiddleware()
        : this(null, null)
    {
    }

    /// <summary>Creates the middleware.</summary>
    /// <param name="scanner">The detectors to run; null runs every built-in detector.</param>
    /// <param name="html">Cleans fields that allow HTML in Sanitize mode; null HTML-encodes them like any text.</param>
    public PayloadInspectionMiddleware(InjectionScanner? scanner, IHtmlFieldSanitizer? html)
    {
        _scanner = scanner ?? InjectionScanner.Default;
        _html = html;
    }

    /// <inheritdoc />
    public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        for (var i = 0; i < context.Inputs.Count; i++)
        {
            PayloadInspector.Inspect(context, i, _scanner, _html);
        }

        return context.Outcome.IsRejected ? ValueTask.CompletedTask : next(context);
    }
}
