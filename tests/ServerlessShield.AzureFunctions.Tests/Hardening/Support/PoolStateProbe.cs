namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// Outermost shield middleware of the hardening workers: checks that the pooled context it is handed carries nothing
/// of an earlier invocation (the mark it leaves, a handler that ran, a request id, another invocation's
/// correlation id), then leaves its mark. A dirty context is counted and fails the invocation loudly.
/// </summary>
public sealed class PoolStateProbe : IShieldMiddleware
{
    public static ShieldPropertyKey<string> Marker { get; } = new("hardening.azure.marker");

    private int _seen;
    private int _dirty;

    public int Seen => Volatile.Read(ref _seen);

    public int Dirty => Volatile.Read(ref _dirty);

    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Findings and the outcome may already be set: the adapter reads the inputs (and may report on them) before the pipeline.
        if (context.TryGetProperty(Marker, out _) || context.HandlerInvoked || context.HandlerStartTimestamp != 0 || context.PlatformRequestId is not null
            || context.CorrelationId != context.InvocationId)
        {
            Interlocked.Increment(ref _dirty);
            throw new InvalidOperationException("A pooled ShieldContext carried state from an earlier invocation.");
        }

        Interlocked.Increment(ref _seen);
        await next(context);
        context.SetProperty(Marker, context.CorrelationId);
    }
}
