using System.Globalization;
using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Writes a blocked or failed HTTP invocation as the proxy response its source expects, with the engine's generic
// problem+json as the body (ShieldEngine.CreateErrorResponse, so local development mode is honoured). ALB adds
// statusDescription and answers in the header mode the request used.
internal static class HttpErrorResponseWriter
{
    // WebSocket: a 4xx/5xx statusCode refuses a $connect, and is the route's answer to a message (API Gateway docs).
    // VPC Lattice (v1 and v2): statusCode, headers, body, isBase64Encoded, as AWS's own event libraries define it.
    public static bool CanAnswer(LambdaEventSource source) => source is
        LambdaEventSource.ApiGatewayRest or LambdaEventSource.ApiGatewayHttp or LambdaEventSource.FunctionUrl
        or LambdaEventSource.ApiGatewayWebSocket or LambdaEventSource.Alb or LambdaEventSource.VpcLattice;

    public static MemoryStream Write(LambdaEvent lambdaEvent, ShieldErrorResponse error)
    {
        var isAlb = lambdaEvent.Source == LambdaEventSource.Alb;
        var output = new MemoryStream(512);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", error.StatusCode);
            if (isAlb)
            {
                writer.WriteString("statusDescription", string.Create(CultureInfo.InvariantCulture, $"{error.StatusCode} {TitleOf(error)}"));
            }

            if (lambdaEvent.UsesMultiValueHeaders)
            {
                writer.WriteStartObject("multiValueHeaders");
                foreach (var (name, value) in error.Headers)
                {
                    writer.WriteStartArray(name);
                    writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }
            }
            else
            {
                writer.WriteStartObject("headers");
                foreach (var (name, value) in error.Headers)
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
            writer.WriteString("body", error.Body.Span);
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }

    private static string TitleOf(ShieldErrorResponse error)
    {
        using var body = JsonDocument.Parse(error.Body);
        return body.RootElement.GetStringOrNull("title") ?? "Error";
    }
}
