using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessShield.AzureFunctions;

// Reads an HTTP body for inspection without taking it away from the function.
internal static class HttpBodyBuffer
{
    public static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(FunctionContext functionContext, HttpRequestData request, int maxPayloadBytes, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (body is null || body == Stream.Null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (body.CanSeek)
        {
            // The built-in model: the body is already in memory. Read one byte past the limit at most: that is
            // enough to see a payload too large, and the function still reads the whole stream after the rewind.
            return await ReadAndRewindAsync(body, maxPayloadBytes, cancellationToken).ConfigureAwait(false);
        }

        // A forward-only body (the ASP.NET Core model): the ASP.NET Core package buffers it where the function reads it.
        if (functionContext.InstanceServices.GetService<IShieldHttpBodyBuffer>() is { } buffer
            && await buffer.BufferAsync(functionContext, maxPayloadBytes, cancellationToken).ConfigureAwait(false) is { } buffered)
        {
            return buffered;
        }

        // Without it, the body is read whole and handed out again as a buffered HttpRequestData; startup validation
        // makes sure the ASP.NET Core integration never runs without the package (HttpRequest would be drained).
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        var bytes = copy.ToArray();
        functionContext.Features.Set<IHttpRequestDataFeature>(new BufferedHttpRequestDataFeature(new BufferedHttpRequestData(request, bytes)));
        return bytes;
    }

    internal static async ValueTask<ReadOnlyMemory<byte>> ReadAndRewindAsync(Stream body, int maxPayloadBytes, CancellationToken cancellationToken)
    {
        var start = body.Position;
        var length = (int)Math.Min(Math.Max(body.Length - start, 0), (long)maxPayloadBytes + 1);
        var buffer = new byte[length];
        await body.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        body.Position = start;
        return buffer;
    }
}
