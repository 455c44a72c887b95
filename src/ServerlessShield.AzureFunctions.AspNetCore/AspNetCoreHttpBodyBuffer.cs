using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions.AspNetCore;

// With the ASP.NET Core integration the function reads HttpContext.Request.Body, a forward-only stream. Buffering it
// (in memory, spilling to a temporary file past 30 KB) makes it seekable where the function reads it: the shield reads
// at most one byte past the limit and rewinds, and the function, or ASP.NET Core model binding, reads it whole.
internal sealed class AspNetCoreHttpBodyBuffer : IShieldHttpBodyBuffer
{
    public async ValueTask<ReadOnlyMemory<byte>?> BufferAsync(FunctionContext context, int maxBytes, CancellationToken cancellationToken)
    {
        if (context.GetHttpContext() is not { } httpContext)
        {
            return null;
        }

        var request = httpContext.Request;
        request.EnableBuffering();
        var body = request.Body;
        var buffer = new byte[(int)Math.Min((long)maxBytes + 1, request.ContentLength ?? (long)maxBytes + 1)];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        body.Position = 0;
        return buffer.AsMemory(0, read);
    }
}
