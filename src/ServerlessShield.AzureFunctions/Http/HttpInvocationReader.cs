using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// Copies an HTTP trigger's request into the shield context: method, path, content type, query, route values and
// headers; the body as the "body" input, each query value, route value, selected header and cookie as a text input (the
// core's HttpRequestInputs, shared with the Lambda adapter). The body stays readable for the function. Event Grid
// webhook handshakes are recognised here, once the body is in memory.
internal static class HttpInvocationReader
{
    public const string BodyPath = "body";

    public static async ValueTask ReadAsync(FunctionContext functionContext, HttpRequestData request, FunctionShieldPlan plan, ShieldContext context, ShieldedInvocation invocation, HttpRequestInputs inputs)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value));
            }
        }

        var query = new List<KeyValuePair<string, string>>();
        var queryValues = request.Query;
        foreach (var name in queryValues.AllKeys)
        {
            if (name is null || queryValues.GetValues(name) is not { } values)
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Add(new(name, value));
            }
        }

        var route = new List<KeyValuePair<string, string>>();
        foreach (var name in plan.RouteParameters)
        {
            if (BindingDataValues.GetString(functionContext, name) is { Length: > 0 } value)
            {
                route.Add(new(name, value));
            }
        }

        var http = new HttpRequestParts
        {
            Method = request.Method.ToUpperInvariant(),
            Path = request.Url.AbsolutePath,
            ContentType = FirstHeader(headers, "Content-Type"),
            Query = query,
            RouteValues = route,
            Headers = headers,

            // The host routes every request by the function's route template: the caller's part of the path is the
            // route values (a catch-all {*rest} included), and a path no route matches never reaches the worker.
            IsRouted = true,
        };
        context.Http = http;
        inputs.Add(context, http);

        var body = await HttpBodyBuffer.ReadAsync(functionContext, request, context.Policy.MaxPayloadBytes, context.CancellationToken).ConfigureAwait(false);
        if (!body.IsEmpty)
        {
            context.Inputs.Insert(0, new ShieldInput(BodyPath, body, http.BodyFormat));
        }

        EventGridWebhookHandshake.Detect(functionContext, plan, context, invocation, request, body);
    }

    private static string? FirstHeader(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
