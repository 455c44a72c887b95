using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Replays an AWS Lambda event through the real adapter (LambdaShield.Wrap) with a handler that does nothing,
// and reads the decision from the pipeline on the way out. Any JSON it does not recognise runs as a custom event.
internal sealed class LambdaEventReplayer : IEventReplayer
{
    private readonly Func<Stream, Task<Stream>> _shielded;
    private ScanResult? _last;

    public LambdaEventReplayer(ShieldProfile profile)
    {
        var options = new LambdaShieldOptions
        {
            Shield = new ShieldOptions { Profile = profile },
            ConfigurePipeline = p => p.Insert(0, new CaptureMiddleware(this)),
        };
        _shielded = LambdaShield.Wrap(static input => Task.FromResult<Stream>(new MemoryStream()), options);
    }

    public bool CanReplay(JsonElement root) => true;

    public async Task<ScanResult> ReplayAsync(JsonElement root, ReadOnlyMemory<byte> bytes)
    {
        _last = null;
        try
        {
            await using var response = await _shielded(new MemoryStream(bytes.ToArray(), writable: false)).ConfigureAwait(false);
        }
        catch (ShieldedInvocationException)
        {
            // A rethrown, redacted failure is how non-HTTP sources reject; the decision was captured already.
        }

        return _last ?? throw new InvalidOperationException("The Lambda adapter did not run the shield pipeline.");
    }

    // Outermost, so it sees the final decision whether or not the handler ran.
    private sealed class CaptureMiddleware(LambdaEventReplayer owner) : IShieldMiddleware
    {
        public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                owner._last = ScanResult.From(context);
            }
        }
    }
}
