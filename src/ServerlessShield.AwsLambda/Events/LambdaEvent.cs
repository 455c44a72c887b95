using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// One invocation's event: the raw bytes as received, the single parse of them, the detected source and what
// the handler answered. Lives in the ShieldContext's property bag, so concurrent invocations never share it.
internal sealed class LambdaEvent(Stream input) : IDisposable
{
    public static readonly ShieldPropertyKey<LambdaEvent> Key = new("aws-lambda.event");

    public Stream Input { get; } = input;

    // The event exactly as received (a BOM included): this is what an allowed handler gets.
    public ReadOnlyMemory<byte> Bytes { get; set; }

    public JsonDocument? Document { get; set; }

    public JsonElement Root => Document?.RootElement ?? default;

    public LambdaEventSource Source { get; set; }

    // ALB answers in the header mode the request used (multi-value headers on the target group or not).
    public bool UsesMultiValueHeaders { get; set; }

    // Batch records not given to the handler (rejected, or held back behind a rejected FIFO record), in event order.
    public IReadOnlyList<string> WithheldItemIds { get; set; } = [];

    public Stream? HandlerResponse { get; set; }

    // The depth the event was parsed with, for parsing it again after a rewrite.
    public int MaxDepth { get; set; } = LambdaEventParser.DefaultMaxDepth;

    // Where each input the extractor added came from, by its index in ShieldContext.Inputs.
    public Dictionary<int, InputLocation> Locations { get; } = [];

    // The event with sanitized inputs written back: what the handler receives from then on.
    public void Replace(byte[] bytes)
    {
        var document = LambdaEventParser.TryParse(bytes, MaxDepth) ?? throw new InvalidOperationException("The rewritten event does not parse.");
        Document?.Dispose();
        Document = document;
        Bytes = bytes;
    }

    public void Dispose() => Document?.Dispose();
}
