using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield;

/// <summary>
/// Buffers the body of an HTTP invocation whose request stream is forward-only (the ASP.NET Core integration), so the
/// shield reads it and the function still gets it whole. The <c>ServerlessShield.AzureFunctions.AspNetCore</c> package
/// registers one; the adapter asks dependency injection for it.
/// </summary>
public interface IShieldHttpBodyBuffer
{
    /// <summary>Reads the body, at most one byte past <paramref name="maxBytes"/>, and leaves it readable from its start.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="maxBytes">The function's payload limit: reading one byte more is enough to see a body too large.</param>
    /// <param name="cancellationToken">Cancelled when the host abandons the invocation.</param>
    /// <returns>The bytes read, or null when this buffer does not handle the invocation.</returns>
    ValueTask<ReadOnlyMemory<byte>?> BufferAsync(FunctionContext context, int maxBytes, CancellationToken cancellationToken);
}
