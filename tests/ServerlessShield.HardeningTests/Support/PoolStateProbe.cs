namespace ServerlessShield.HardeningTests.Support;

// Outermost middleware: checks a context arrives without the mark an earlier invocation left, then leaves the mark.
internal sealed class PoolStateProbe : IShieldMiddleware
{
    private int _seen;

    public int Seen => Volatile.Read(ref _seen);

    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        if (context.TryGetProperty(Harness.Marker, out _) || context.HandlerInvoked || context.Findings.Count != 0 || context.RejectedItemIds.Count != 0)
        {
            throw new InvalidOperationException("A pooled ShieldContext carried state from an earlier invocation.");
        }

        Interlocked.Increment(ref _seen);
        await next(context);
        context.SetProperty(Harness.Marker, context.CorrelationId);
    }
}
