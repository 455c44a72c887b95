using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

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
            var start = body.Position;
            var length = (int)Math.Min(body.Length - start, (long)maxPayloadBytes + 1);
            var buffer = new byte[Math.Max(length, 0)];
            await body.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            body.Position = start;
            return buffer;
        }

        // A forward-only body (the ASP.NET Core model) is read whole and put back, so the function still gets it:
        // into HttpContext.Request.Body for ASP.NET Core, and as a buffered request for GetHttpRequestDataAsync.
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        var bytes = copy.ToArray();
        if (!AspNetCoreRequestBody.TryReplace(functionContext, new MemoryStream(bytes, writable: false)))
        {
            functionContext.Features.Set<IHttpRequestDataFeature>(new BufferedHttpRequestDataFeature(new BufferedHttpRequestData(request, bytes)));
        }

        return bytes;
    }
}
