namespace ServerlessShield;

/// <summary>
/// Verifies webhook HMAC signatures for HTTP functions that opt in (<see cref="MessageAuthenticityOptions.Webhook"/>):
/// GitHub (<c>X-Hub-Signature-256</c>), Stripe (<c>Stripe-Signature</c>, with a timestamp tolerance against replay) or
/// a configurable scheme. The HMAC is computed over the raw body bytes and compared in constant time. A request that
/// fails is a finding of <c>SHIELD5302</c> (or <c>SHIELD5303</c> for a stale timestamp), blocked with 401.
/// </summary>
public sealed class WebhookSignatureMiddleware : IShieldMiddleware
{
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="timeProvider">The clock for the Stripe timestamp tolerance; null uses the system clock.</param>
    public WebhookSignatureMiddleware(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Policy.Authenticity is not { Webhook: not WebhookScheme.None } settings)
        {
            return next(context);
        }

        var header = WebhookSignature.HeaderFor(settings);
        if (context.Http is not { } http)
        {
            // A webhook function reached by anything but HTTP has no signature to check: fail closed.
            context.Report(ShieldRules.WebhookSignatureInvalid, "event", code: "not-http");
            return ValueTask.CompletedTask;
        }

        var body = context.Inputs.FirstOrDefault(i => i.Path == "body")?.Data ?? ReadOnlyMemory<byte>.Empty;
        if (WebhookSignature.Verify(settings, http.GetHeader(header), body.Span, _time.GetUtcNow()) is { } failure)
        {
            context.Report(failure.Rule, "headers." + header, code: failure.Code);
        }

        return context.Outcome.IsRejected ? ValueTask.CompletedTask : next(context);
    }
}
