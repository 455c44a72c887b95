using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace AzureFunctionsApp;

/// <summary>The HTTP answer plus the message queued for processing. A shielded error replaces the HTTP part only.</summary>
public sealed class MultiResponse
{
    [QueueOutput("orders")]
    public string? Message { get; set; }

    [HttpResult]
    public required HttpResponseData Http { get; set; }
}
