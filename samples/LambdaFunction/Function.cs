using System.Text;
using System.Text.Json;
using ServerlessShield;

namespace LambdaFunction;

/// <summary>A Stream-contract Lambda handler (no serializer needed), shielded with one line.</summary>
public sealed class Function
{
    // The one line: built once per process, shared by every invocation.
    private static readonly Func<Stream, SampleLambdaContext, Task<Stream>> Shielded =
        LambdaShield.Wrap<SampleLambdaContext>(HandleAsync, c => new(c.AwsRequestId, c.FunctionName, c.InvokedFunctionArn, c.RemainingTime));

    /// <summary>The handler Lambda calls (<c>LambdaFunction::LambdaFunction.Function::Handle</c>).</summary>
    /// <param name="input">The event.</param>
    /// <param name="context">The invocation context.</param>
    /// <returns>The response.</returns>
    public Task<Stream> Handle(Stream input, SampleLambdaContext context) => Shielded(input, context);

    // The function's own code: echoes the name from an API Gateway request body.
    private static async Task<Stream> HandleAsync(Stream input, SampleLambdaContext context)
    {
        using var request = await JsonDocument.ParseAsync(input).ConfigureAwait(false);
        var name = "world";
        if (request.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
        {
            using var payload = JsonDocument.Parse(body.GetString()!);
            if (payload.RootElement.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String)
            {
                name = value.GetString()!;
            }
        }

        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", 200);
            writer.WriteStartObject("headers");
            writer.WriteString("Content-Type", "text/plain");
            writer.WriteEndObject();
            writer.WriteString("body", Encoding.UTF8.GetBytes($"Hello, {name}!"));
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }
}
