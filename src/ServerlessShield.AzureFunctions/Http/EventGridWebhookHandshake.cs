using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// The two handshakes an HTTP-triggered Event Grid webhook is sent before any event: the Event Grid schema's
// subscription validation event (answered with {"validationResponse": code}) and the CloudEvents abuse-protection
// OPTIONS request (answered with WebHook-Allowed-Origin). A function that opted in answers them instead of running;
// anywhere else they are a finding and are not answered, so nobody subscribes an endpoint to a topic of their own.
internal static class EventGridWebhookHandshake
{
    private const string RequestOriginHeader = "WebHook-Request-Origin";

    public static void Detect(FunctionContext functionContext, FunctionShieldPlan plan, ShieldContext context, ShieldedInvocation invocation, HttpRequestData request, ReadOnlyMemory<byte> body)
    {
        var http = context.Http!;
        if (http.Method == "OPTIONS" && http.GetHeader(RequestOriginHeader) is { Length: > 0 } origin)
        {
            if (!plan.AnswersEventGridValidation)
            {
                context.Report(AzureFunctionsRules.EventGridValidationNotEnabled, HttpRequestInputs.HeaderPathPrefix + RequestOriginHeader);
                return;
            }

            invocation.AnswerKind = "CloudEvents webhook abuse protection";
            invocation.Answer = () =>
            {
                var response = request.CreateResponse(HttpStatusCode.OK);
                response.Headers.TryAddWithoutValidation("WebHook-Allowed-Origin", origin);
                response.Headers.TryAddWithoutValidation("WebHook-Allowed-Rate", "*");
                HttpResponseBinding.Set(functionContext, response);
                return ValueTask.CompletedTask;
            };
            return;
        }

        if (http.Method != "POST" || !MayBeValidation(http, body.Span) || ValidationEvent(body, context.Policy.Limits.MaxDepth) is not { } validation)
        {
            return;
        }

        if (!plan.AnswersEventGridValidation)
        {
            context.Report(AzureFunctionsRules.EventGridValidationNotEnabled, HttpInvocationReader.BodyPath);
            return;
        }

        var code = validation.ValidationCode();
        if (code is null)
        {
            // A validation event without a code: nothing to answer with; the inspector and the function see it as is.
            return;
        }

        invocation.AnswerKind = "Event Grid subscription validation";
        invocation.Answer = async () =>
        {
            var response = request.CreateResponse(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                // Written by the JSON writer, so whatever the code holds stays one escaped string.
                writer.WriteStartObject();
                writer.WriteString("validationResponse", code);
                writer.WriteEndObject();
            }

            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), CancellationToken.None).ConfigureAwait(false);
            HttpResponseBinding.Set(functionContext, response);
        };
    }

    // Event Grid marks the handshake with a header; the body is only parsed when the header or the event type says so.
    private static bool MayBeValidation(HttpRequestParts http, ReadOnlySpan<byte> body) =>
        string.Equals(http.GetHeader("aeg-event-type"), "SubscriptionValidation", StringComparison.OrdinalIgnoreCase)
        || body.IndexOf("Microsoft.EventGrid.SubscriptionValidationEvent"u8) >= 0;

    // The first event of the body (an array, as Event Grid sends it, or one object) when it is a validation event.
    private static EventGridEvent? ValidationEvent(ReadOnlyMemory<byte> body, int maxDepth)
    {
        var first = JsonRecords.TrySplit(body, maxDepth) is { Count: > 0 } events ? events[0] : body;
        return EventGridEvent.TryRead(first, out var e) && e.IsSubscriptionValidation ? e : null;
    }
}
