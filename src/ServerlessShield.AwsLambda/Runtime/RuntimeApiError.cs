using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// The error document posted to /invocation/{id}/error and /init/error: errorMessage and errorType only. Built from a
// ShieldedInvocationException, so it carries a code and a correlation id, never the original message or a stack.
internal sealed record RuntimeApiError(string ErrorType, string ErrorMessage)
{
    public const string ContentType = "application/vnd.aws.lambda.error+json";

    public static RuntimeApiError From(ShieldedInvocationException exception) =>
        new(nameof(ShieldedInvocationException), exception.Message);

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", ErrorMessage);
            writer.WriteString("errorType", ErrorType);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
