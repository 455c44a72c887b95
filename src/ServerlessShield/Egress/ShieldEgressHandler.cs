namespace ServerlessShield;

/// <summary>
/// An HTTP message handler that applies the egress allowlist of the function making the call (found through
/// <see cref="ShieldContext.Current"/>) and records every host contacted for the observed-capabilities report. Register
/// it on every client of <c>IHttpClientFactory</c> with the <c>ServerlessShield.Http</c> package, or chain it into a
/// client by hand: <c>new HttpClient(new ShieldEgressHandler(engine) { InnerHandler = new SocketsHttpHandler() })</c>.
/// A refused call throws <see cref="ShieldEgressBlockedException"/> before anything is sent.
/// </summary>
public sealed class ShieldEgressHandler : DelegatingHandler
{
    private readonly ShieldEngine _engine;

    /// <summary>Creates the handler.</summary>
    /// <param name="engine">The engine whose options and policies apply.</param>
    public ShieldEgressHandler(ShieldEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && !_engine.Egress.Check(uri.IdnHost))
        {
            var function = ShieldContext.Current?.FunctionName is { Length: > 0 } name ? name : ShieldAuditor.ApplicationWide;
            return Task.FromException<HttpResponseMessage>(new ShieldEgressBlockedException(uri.IdnHost, function));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
