using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions;

// Writes the shield's problem+json response as the function's HTTP result, replacing whatever the function set.
internal static class HttpErrorResponseWriter
{
    public static async ValueTask WriteAsync(FunctionContext functionContext, HttpRequestData request, ShieldErrorResponse error)
    {
        var response = request.CreateResponse();
        response.StatusCode = (HttpStatusCode)error.StatusCode;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers.Remove(name);
            response.Headers.TryAddWithoutValidation(name, value);
        }

        await response.Body.WriteAsync(error.Body, CancellationToken.None).ConfigureAwait(false);
        SetHttpResponse(functionContext, response);
    }

    // The HTTP output is either the invocation result ($return) or a named "http" output binding of a multi-output
    // object; after the function ran, the worker has already moved such an object into the output bindings.
    private static void SetHttpResponse(FunctionContext functionContext, HttpResponseData response)
    {
        string? bindingName = null;
        foreach (var (name, binding) in functionContext.FunctionDefinition.OutputBindings)
        {
            if (string.Equals(binding.Type, "http", StringComparison.OrdinalIgnoreCase))
            {
                bindingName = name;
                break;
            }
        }

        if (bindingName is not null && bindingName != "$return")
        {
            foreach (var output in functionContext.GetOutputBindings<object>())
            {
                if (output.Name == bindingName)
                {
                    output.Value = response;
                    return;
                }
            }
        }

        functionContext.GetInvocationResult().Value = response;
    }
}
