using System.Text;
using System.Text.Json;
using ServerlessShield;

namespace LambdaFunction;

/// <summary>
/// A Stream-contract Lambda function shielded with one line: it greets API Gateway callers and, invoked directly with
/// an order id, loads the order from a store that is down, to show what leaves the function when its code fails.
/// </summary>
public static class Function
{
    /// <summary>The shielded handler: built once per process, shared by every invocation.</summary>
    public static readonly Func<Stream, LambdaRuntimeContext, Task<Stream>> Handler =
#if SHIELD_SAMPLE_BARE
        // samples/LambdaFunction.Bare: the same function without the shield, to measure what the shield adds to the
        // native binary (eng/measure-aot-size.sh). Not a way to run a function.
        HandleAsync;
#else
        LambdaShield.Wrap<LambdaRuntimeContext>(HandleAsync, c => c.ToInvocation());
#endif

    // The function's own code. It never sees a request the shield blocked.
    private static async Task<Stream> HandleAsync(Stream input, LambdaRuntimeContext context)
    {
        using var request = await JsonDocument.ParseAsync(input, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        if (request.RootElement.TryGetProperty("orderId", out var orderId))
        {
            return LoadOrder(orderId.GetString());
        }

        var name = "world";
        if (request.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
        {
            using var payload = JsonDocument.Parse(body.GetString()!);
            if (payload.RootElement.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String)
            {
                name = value.GetString()!;
            }
        }

        return Respond(200, $"Hello, {name}!");
    }

    // Stands in for a data store that fails with its connection string in the message, as drivers sometimes do.
    // The shield keeps that message, and the stack trace, away from the caller and the Runtime API.
    private static Stream LoadOrder(string? orderId) =>
        throw new InvalidOperationException($"Order {orderId}: cannot reach Server=orders-db.internal;User Id=app;Password=hunter2");

    private static MemoryStream Respond(int status, string text)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", status);
            writer.WriteStartObject("headers");
            writer.WriteString("Content-Type", "text/plain");
            writer.WriteEndObject();
            writer.WriteString("body", Encoding.UTF8.GetBytes(text));
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }
}
