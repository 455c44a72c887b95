using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// What reading an invocation's inputs produced for the middleware: the HTTP request, if any, and an answer that
// replaces the function (a webhook handshake the function opted into), if any.
internal sealed class ShieldedInvocation
{
    public HttpRequestData? Request { get; set; }

    /// <summary>Runs instead of the function when set: the function is not invoked.</summary>
    public Func<ValueTask>? Answer { get; set; }

    /// <summary>What the answer answers, for the log.</summary>
    public string? AnswerKind { get; set; }
}
