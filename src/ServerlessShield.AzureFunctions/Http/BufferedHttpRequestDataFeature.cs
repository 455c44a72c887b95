using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// Hands out the buffered request in place of the original for the rest of the invocation.
internal sealed class BufferedHttpRequestDataFeature(BufferedHttpRequestData request) : IHttpRequestDataFeature
{
    public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => new(request);
}
